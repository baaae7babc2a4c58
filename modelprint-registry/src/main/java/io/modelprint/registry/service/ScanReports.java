package io.modelprint.registry.service;

import io.modelprint.registry.RegistryDatabase;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * Table {@code scan_reports}: a finished scan job's ownership report pages, one per audience — the hub that
 * submitted it ({@link #HUB}: every verdict, no fingerprint's queries) and each owner with a fingerprint checked
 * ({@link #owner}: its own fingerprints, with their queries). Written with the job's evidence ({@link #insert}
 * runs in that transaction).
 */
public final class ScanReports {
    public static final String HUB = "hub";

    private final RegistryDatabase database;

    public ScanReports(RegistryDatabase database) {
        this.database = database;
    }

    /** The audience of the page an owner reads. */
    public static String owner(String name) {
        return "owner:" + name;
    }

    /** Stores {@code pages} (audience to HTML) of job {@code jobId}, in the caller's transaction. */
    public void insert(String jobId, Map<String, String> pages) throws SQLException {
        try (PreparedStatement insert = database.connection().prepareStatement(
                "INSERT INTO scan_reports (job_id, audience, html) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> page : pages.entrySet()) {
                insert.setString(1, jobId);
                insert.setString(2, page.getKey());
                insert.setString(3, page.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The page of job {@code jobId} for {@code audience}, or null when there is none. */
    public String find(String jobId, String audience) {
        try (PreparedStatement select = database.connection().prepareStatement(
                "SELECT html FROM scan_reports WHERE job_id = ? AND audience = ?")) {
            select.setString(1, jobId);
            select.setString(2, audience);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw database.failure("reading the report of scan job " + jobId, e);
        }
    }
}
