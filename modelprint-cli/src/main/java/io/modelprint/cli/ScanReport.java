package io.modelprint.cli;

import io.modelprint.InputException;
import io.modelprint.registry.EvidenceRecord;
import io.modelprint.registry.RegisteredFingerprint;
import io.modelprint.registry.ScanMatch;
import io.modelprint.registry.SuspectIdentity;
import io.modelprint.report.OwnershipReport;
import io.modelprint.report.ReportEvidence;
import io.modelprint.report.ReportFileNames;
import io.modelprint.report.ShellWords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;

/** {@code scan --report DIR}: one ownership report per suspect, named from the suspect (docs/registry.md). */
final class ScanReport {
    /** scan's options that verify does not take, or that do not bear on a verdict. */
    private static final Set<String> SCAN_ONLY = Set.of("--report", "--format", "--db", "--registry-key", "--spark", "--master",
            "--suspects", "--out", "--partitions");

    private final Path dir;
    private final CommandSpec spec;
    private final String database;

    private ScanReport(Path dir, CommandSpec spec, String database) {
        this.dir = dir;
        this.spec = spec;
        this.database = database;
    }

    /** The directory reports go to (made if missing), or null without {@code --report}; refused before any work if it cannot be one. */
    static ScanReport of(Path dir, CommandSpec spec, String database) {
        if (dir == null) {
            return null;
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InputException("--report " + dir + " is a file: expected a directory for one report per suspect");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InputException("--report " + dir + ": cannot make the directory: " + io.modelprint.io.IoReasons.of(e), e);
        }
        if (!Files.isWritable(dir)) {
            throw new InputException("--report " + dir + ": the directory is not writable");
        }
        return new ScanReport(dir, spec, database);
    }

    /**
     * Writes the report of {@code suspect}: its {@code matches} against {@code registered} and the evidence {@code stored}, or
     * the {@code error} that stopped it ({@code identity} and {@code matches} null). Returns the file written.
     */
    Path write(String suspect, SuspectIdentity identity, String error, List<ScanMatch> matches, List<RegisteredFingerprint> registered,
            List<EvidenceRecord> stored) {
        ReportChecks checks = ReportChecks.of(matches, registered, entry -> true, id -> verifyAgain(id, suspect));
        // the database named even when it came from $MODELPRINT_DB or the default, so the commands do not depend on either
        List<String> scanOptions = new ArrayList<>(List.of("--db", database));
        scanOptions.addAll(ReportCommands.options(spec, Set.of("--report", "--format", "--db")));
        List<String> commands = List.of(ReportCommands.changeDirectory(), ReportCommands.line(List.of("scan"), scanOptions, suspect),
                ReportCommands.logVerify(spec, database));
        OwnershipReport report = new OwnershipReport(identity != null ? identity : new SuspectIdentity(suspect, null, null), error,
                checks.checked(), checks.notChecked(), stored.isEmpty() ? null : new ReportEvidence(database, stored), commands, true,
                Instant.now().toString());
        Path file = dir.resolve(ReportFileNames.of(suspect));
        report.write(file);
        return file;
    }

    /** Export the registered file, and verify the suspect against it with the scan's verdict and suspect options. */
    private List<String> verifyAgain(String id, String suspect) {
        List<String> export = List.of("modelprint", "registry", "export", id, "--out", id + ".npz", "--db", database);
        List<String> options = new ArrayList<>(List.of("--fingerprint", id + ".npz"));
        options.addAll(ReportCommands.options(spec, SCAN_ONLY));
        return List.of(ReportCommands.changeDirectory(), ShellWords.join(export), ReportCommands.line(List.of("verify"), options, suspect));
    }
}
