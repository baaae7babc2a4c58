package io.modelprint.registry.service;

/**
 * Who calls {@code registry serve}. An owner principal speaks for the registry owner name it is called
 * by: it registers under that name and sees the fingerprints and verdicts registered under it.
 */
public record Principal(String name, Role role, String createdAt) {}
