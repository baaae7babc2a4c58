package io.modelprint.cli;

import picocli.CommandLine.Option;

/** {@code --format}: text for people, json for scripts (one JSON document on stdout). */
final class FormatOption {
    @Option(names = "--format", defaultValue = "text", description = "text or json")
    OutputFormat format;

    boolean json() {
        return format == OutputFormat.json;
    }
}
