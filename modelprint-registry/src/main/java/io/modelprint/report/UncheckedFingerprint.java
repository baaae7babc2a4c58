package io.modelprint.report;

/** A registered fingerprint the suspect could not be checked against, and why. */
public record UncheckedFingerprint(String id, String owner, String name, String scheme, String reason) {}
