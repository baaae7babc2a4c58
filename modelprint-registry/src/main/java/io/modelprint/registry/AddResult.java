package io.modelprint.registry;

/** What {@code registry add} did: stored the entry, or found the same content already there. */
public record AddResult(RegistryEntry entry, boolean added) {}
