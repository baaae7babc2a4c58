package io.modelprint.cli;

/** {@code --format}: text for people, json for scripts. */
enum OutputFormat {
    text,
    json
}
