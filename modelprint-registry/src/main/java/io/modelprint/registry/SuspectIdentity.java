package io.modelprint.registry;

/**
 * Which suspect was checked, as the evidence log records it.
 *
 * @param suspect the path or URL as given
 * @param sha256 SHA-256 of the model file (or of every file of a model directory); null for a URL
 * @param metadata for a URL: the server's model metadata as JSON; else null
 */
public record SuspectIdentity(String suspect, String sha256, String metadata) {}
