package io.modelprint.service;

import java.nio.file.Path;

/**
 * How {@code registry serve} runs.
 *
 * @param uploadDir where uploaded suspects wait for their scan (owner-only; names chosen by the service)
 * @param maxUploadBytes largest suspect upload; a bigger one is refused with 413
 * @param maxFingerprintBytes largest fingerprint file an owner may upload
 * @param maxQueue jobs queued or running at once; a submission beyond is refused with 429
 * @param workers scans running at once
 * @param maxAttempts starts of one job before it is failed (a suspect that crashes the service is tried this often)
 * @param urlSuspects whether hubs may submit Open Inference Protocol URLs (their server receives the queries)
 */
public record ServiceSettings(Path uploadDir, long maxUploadBytes, long maxFingerprintBytes, int maxQueue, int workers,
        int maxAttempts, boolean urlSuspects) {}
