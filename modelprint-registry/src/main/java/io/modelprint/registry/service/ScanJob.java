package io.modelprint.registry.service;

/**
 * A suspect submitted to {@code registry serve}, and what became of it.
 *
 * @param suspect what the hub named: the uploaded file's name, or the model's URL
 * @param uploadFile the upload's file name inside the service's upload directory (chosen by the service), or null for a URL
 * @param attempts how many times a worker started it (a restart after a crash starts it again)
 * @param evidenceFirst the first evidence record the scan appended (null before it is done, or when nothing was checked)
 * @param result the scan's result as JSON (what {@code scan --format json} prints for one suspect), once done
 */
public record ScanJob(String id, String submittedBy, Kind kind, String suspect, String uploadFile, String uploadSha256,
        JobStatus status, int attempts, String submittedAt, String startedAt, String finishedAt, String error,
        Long evidenceFirst, Long evidenceLast, String result) {
    public enum Kind {
        UPLOAD,
        URL;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A job just submitted, waiting for a worker. */
    public static ScanJob queued(String id, String submittedBy, Kind kind, String suspect, String uploadFile, String uploadSha256) {
        return new ScanJob(id, submittedBy, kind, suspect, uploadFile, uploadSha256, JobStatus.QUEUED, 0,
                now(), null, null, null, null, null, null);
    }

    private static final java.time.format.DateTimeFormatter FIXED_WIDTH = java.time.format.DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(java.time.ZoneOffset.UTC);

    /** The time now as ISO-8601 with a fixed number of digits, so that times sort as text in either database. */
    static String now() {
        return FIXED_WIDTH.format(java.time.Instant.now());
    }
}
