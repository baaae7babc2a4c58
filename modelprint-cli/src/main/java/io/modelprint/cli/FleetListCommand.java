package io.modelprint.cli;

import io.modelprint.InputException;
import io.modelprint.fleet.FleetMember;
import io.modelprint.lab.fleet.FleetDirectory;
import io.modelprint.lab.zoo.ZooManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "list", mixinStandardHelpOptions = true, description = "Print a fleet's members as a table: name, role, kind, accuracy.")
final class FleetListCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "fleet directory")
    Path dir;

    @Mixin
    FormatOption format;

    /** One member as {@code --format json} prints it; {@code stored} says whether its files are the ones the manifest recorded. */
    record Row(String name, String role, String kind, double testAccuracy, double seconds, String sha256, String stored) {}

    /** The fleet as {@code --format json} prints it. */
    record Listing(String location, String preset, long seed, String dataset, double targetAccuracy, String sha256,
            double buildSeconds, List<Row> members) {}

    private static final String INTACT = "as built";

    @Override
    public Integer call() {
        print(FleetDirectory.open(dir, dir.toString()), dir, format.json());
        return ExitCode.OK;
    }

    static void print(FleetDirectory fleet, Path dir, boolean json) {
        ZooManifest manifest = ZooManifest.read(Path.of(fleet.location())).orElseThrow();
        double targetAccuracy = manifest.entry("target").map(e -> e.testAccuracy()).orElse(Double.NaN);
        List<Row> rows = fleet.members().stream().map(m -> new Row(m.name(), m.role().json(), m.kind(), m.testAccuracy(),
                fleet.seconds(m), m.sha256(), stored(fleet, m))).toList();
        long damaged = rows.stream().filter(r -> !r.stored().equals(INTACT)).count();
        if (damaged > 0) {
            System.err.printf("fleet list: %d of %d members are not the models the manifest recorded (changed or missing); extract"
                    + " and calibrate refuse this fleet: run fleet build on it again%n", damaged, rows.size());
        }
        if (json) {
            JsonOutput.print(new Listing(fleet.location(), manifest.preset(), manifest.seed(), manifest.dataset(), targetAccuracy,
                    fleet.sha256(), fleet.buildSeconds(), rows));
            return;
        }
        System.out.printf("fleet %s (%s, seed %d, data %s): target accuracy %.4f; %d references, %d surrogates; built in %.1f min%n",
                dir, manifest.preset(), manifest.seed(), manifest.dataset(), targetAccuracy, fleet.references().size(),
                fleet.surrogates().size(), fleet.buildSeconds() / 60);
        int width = Math.max(36, fleet.members().stream().mapToInt(m -> m.name().length()).max().orElse(0));
        System.out.printf("%-" + width + "s %-10s %-20s %9s %8s  %s%n", "name", "role", "kind", "accuracy", "seconds", "stored");
        for (Row r : rows) {
            System.out.printf("%-" + width + "s %-10s %-20s %9.4f %8.1f  %s%n", r.name(), r.role(), r.kind(), r.testAccuracy(),
                    r.seconds(), r.stored());
        }
    }

    /** Whether the member's stored model is the one the manifest recorded: "as built", "changed" or "missing". */
    private static String stored(FleetDirectory fleet, FleetMember member) {
        try {
            fleet.path(member);
            return INTACT;
        } catch (InputException e) {
            return Files.isDirectory(fleet.storedAt(member)) ? "changed" : "missing";
        }
    }
}
