package io.modelprint.cli;

import io.modelprint.registry.DatabaseLocation;
import io.modelprint.report.ShellWords;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The commands a report gives to check a suspect again: the command that was run, with the options
 * as they were given (a database URL's password masked) but only this suspect, and without the
 * options that do not bear on the verdict ({@code --report}, {@code --format}); preceded by a
 * {@code cd} to the directory it was run in, since paths were given relative to it.
 */
final class ReportCommands {
    private ReportCommands() {}

    /** {@code cd DIR} to the working directory, as a shell line. */
    static String changeDirectory() {
        return ShellWords.join(List.of("cd", Path.of("").toAbsolutePath().toString()));
    }

    /** The options {@code spec}'s command was run with, as words ({@code --name value}), but those named in {@code dropped}. */
    static List<String> options(CommandSpec spec, Set<String> dropped) {
        return options(spec, name -> !dropped.contains(name));
    }

    /** {@code modelprint registry log verify} of {@code database}, with the registry key {@code spec}'s command was given. */
    static String logVerify(CommandSpec spec, String database) {
        List<String> words = new ArrayList<>(List.of("modelprint", "registry", "log", "verify", "--db", database));
        words.addAll(options(spec, name -> name.equals("--registry-key")));
        return ShellWords.join(words);
    }

    /** The options {@code spec}'s command was run with whose names {@code kept} accepts. */
    static List<String> options(CommandSpec spec, Predicate<String> kept) {
        List<String> words = new ArrayList<>();
        for (OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
            String name = option.longestName();
            if (!kept.test(name)) {
                continue;
            }
            if (option.arity().max() == 0 || option.originalStringValues().isEmpty()) {
                words.add(name);
                continue;
            }
            for (String value : option.originalStringValues()) {
                words.add(name);
                words.add(name.equals("--db") ? DatabaseLocation.parse(value).describe() : value);
            }
        }
        return words;
    }

    /** {@code modelprint COMMAND...}, the options, then {@code suspect} (after {@code --} when it looks like an option). */
    static String line(List<String> command, List<String> options, String suspect) {
        List<String> words = new ArrayList<>(List.of("modelprint"));
        words.addAll(command);
        words.addAll(options);
        if (suspect.startsWith("-")) {
            words.add("--");
        }
        words.add(suspect);
        return ShellWords.join(words);
    }
}
