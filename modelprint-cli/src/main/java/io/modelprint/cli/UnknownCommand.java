package io.modelprint.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A word where a command takes subcommands is an unknown command: refused naming it and the
 * commands there are, with exit code 2, also beside {@code --help} (where picocli would print the
 * parent's help and exit 0).
 */
final class UnknownCommand {
    private UnknownCommand() {}

    /** The execution strategy: refuses an unknown command at any level, then runs the last command as picocli does. */
    static int refuseThenRun(ParseResult parseResult) {
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            CommandLine command = level.commandSpec().commandLine();
            if (isCommandWord(command, level.unmatched())) {
                throw new UnmatchedArgumentException(command, level.unmatched());
            }
        }
        return new CommandLine.RunLast().execute(parseResult);
    }

    /** The message for a bad command line: an unknown command says so, anything else keeps picocli's words. */
    static String message(ParameterException e) {
        if (e instanceof UnmatchedArgumentException unmatched && isCommandWord(e.getCommandLine(), unmatched.getUnmatched())) {
            CommandLine command = e.getCommandLine();
            return "unknown command '" + unmatched.getUnmatched().get(0) + "' (" + command.getCommandSpec().qualifiedName()
                    + " has: " + String.join(", ", command.getSubcommands().keySet()) + ")";
        }
        return e.getMessage();
    }

    private static boolean isCommandWord(CommandLine command, List<String> unmatched) {
        return !command.getSubcommands().isEmpty() && !unmatched.isEmpty() && !unmatched.get(0).startsWith("-");
    }
}
