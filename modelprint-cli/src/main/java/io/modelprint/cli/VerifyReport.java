package io.modelprint.cli;

import io.modelprint.InputException;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.registry.EvidenceRecord;
import io.modelprint.report.CheckedFingerprint;
import io.modelprint.report.OwnershipReport;
import io.modelprint.report.ReportEvidence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;

/** {@code verify --report FILE.html}: the ownership report of the one suspect verified (docs/verification.md). */
final class VerifyReport {
    private final Path file;
    private final CommandSpec spec;
    private final Path fingerprintFile;
    private final String database;

    private VerifyReport(Path file, CommandSpec spec, Path fingerprintFile, String database) {
        this.file = file;
        this.spec = spec;
        this.fingerprintFile = fingerprintFile;
        this.database = database;
    }

    /**
     * The report to write, or null without {@code --report}; refused before any work when it cannot be one file
     * for one suspect.
     */
    static VerifyReport of(Path file, List<String> suspects, CommandSpec spec, Path fingerprintFile, String database) {
        if (file == null) {
            return null;
        }
        if (suspects.size() != 1) {
            throw new InputException("--report " + file + " writes the report of one suspect, but " + suspects.size()
                    + " were named: verify them one at a time, or register the fingerprint and use scan --report DIR");
        }
        if (Files.isDirectory(file)) {
            throw new InputException("--report " + file + " is a directory: expected the HTML file to write (e.g. report.html)");
        }
        return new VerifyReport(file, spec, fingerprintFile, database);
    }

    /** Writes the report of {@code checks} against {@code members}; {@code stored}: the evidence appended (empty: none). */
    void write(SuspectChecks checks, List<Fingerprint> members, String fingerprintId, String owner, String ownerKey,
            io.modelprint.verify.CombinedVerdict combined, List<EvidenceRecord> stored) {
        String suspect = checks.identity().suspect();
        List<String> commands = new ArrayList<>(List.of(ReportCommands.changeDirectory(),
                ReportCommands.line(List.of("verify"), ReportCommands.options(spec, Set.of("--report", "--format")), suspect)));
        if (database != null) {
            commands.add(ReportCommands.logVerify(spec, database));
        }
        CheckedFingerprint checked = new CheckedFingerprint(fingerprintId, fingerprintFile.getFileName().toString(), owner, ownerKey,
                members, checks.outcomes(), combined, List.of());
        OwnershipReport report = new OwnershipReport(checks.identity(), null, List.of(checked), List.of(),
                stored.isEmpty() ? null : new ReportEvidence(database, stored), commands, true, Instant.now().toString());
        report.write(file);
        System.err.println("verify: report written to " + Terminal.safe(file.toString()));
    }
}
