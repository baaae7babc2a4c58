package io.modelprint.cli;

import io.modelprint.InputException;
import io.modelprint.lab.zoo.ZooEntry;
import io.modelprint.lab.zoo.ZooManifest;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "list", mixinStandardHelpOptions = true, description = "Print a zoo's manifest as a table.")
final class ZooListCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "zoo directory")
    Path dir;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        ZooManifest manifest = ZooManifest.read(dir)
                .orElseThrow(() -> new InputException(dir + ": no " + ZooManifest.FILE_NAME + " (not a zoo directory?)"));
        if (format.json()) {
            JsonOutput.print(manifest);
        } else {
            printTable(manifest);
        }
        return ExitCode.OK;
    }

    static void printTable(ZooManifest manifest) {
        System.out.printf("zoo preset %s, seed %d, data %s: %d models%n", manifest.preset(), manifest.seed(), manifest.dataset(),
                manifest.entries().size());
        System.out.printf("%-24s %-10s %-13s %9s %8s  %s%n", "name", "group", "kind", "accuracy", "seconds", "parameters");
        for (ZooEntry e : manifest.entries()) {
            System.out.printf("%-24s %-10s %-13s %9.4f %8.1f  %s%s%n", e.name(), e.group().json(), e.kind(), e.testAccuracy(),
                    e.seconds(), e.parameters(), e.kept() ? "" : "  (not kept: > 3% accuracy loss)");
        }
    }
}
