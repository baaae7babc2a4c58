package io.modelprint.cli;

import io.modelprint.InputException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code modelprint <command>}. */
@Command(name = "modelprint", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Fingerprint trained image classifiers and verify whether suspect models were derived from them.",
        subcommands = {TrainCommand.class, ExtractCommand.class, VerifyCommand.class, CalibrateCommand.class, ServeCommand.class, InfoCommand.class,
            KeysCommand.class, SignCommand.class, RegistryCommand.class, ScanCommand.class, DemoCommand.class, ZooCommand.class, FleetCommand.class,
            BenchCommand.class, DataCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:everything asked was done",
            "1:at least one suspect could not be verified",
            "2:bad arguments or input (the message names what and where)",
            "3:internal error",
            "4:the engine's input gradients are wrong on this machine (the launcher retries with ONEDNN_MAX_CPU_ISA=SSE41)",
            "5:registry log verify: the evidence log's hash chain is broken"})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (train, extract, verify, info, demo, bench)");
    }

    /** --version: the build's own version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"modelprint " + io.modelprint.ToolVersion.version()};
        }
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code; used by tests without starting a process. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        SchemeHelp.attach(cli.getSubcommands().get("extract"));
        cli.setExitCodeExceptionMapper(Main::exitCodeOf);
        cli.setExecutionStrategy(UnknownCommand::refuseThenRun);
        cli.setParameterExceptionHandler((e, a) -> {
            System.err.println("modelprint: " + UnknownCommand.message(e));
            System.err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            System.err.println(commandLine.getCommandSpec().qualifiedName() + ": " + messageOf(e));
            // anything but bad input is a bug or an environment failure: its trace goes with it
            if (exitCodeOf(e) != ExitCode.BAD_INPUT || System.getenv("MODELPRINT_DEBUG") != null) {
                e.printStackTrace();
            }
            return exitCodeOf(e);
        });
        return cli.execute(args);
    }

    static int exitCodeOf(Throwable e) {
        if (e instanceof io.modelprint.gradient.UnreliableGradientsException) {
            return ExitCode.UNRELIABLE_GRADIENTS;
        }
        if (e instanceof InputException) {
            return ExitCode.BAD_INPUT;
        }
        return ExitCode.INTERNAL_ERROR;
    }

    private static String messageOf(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
