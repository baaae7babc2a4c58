package io.modelprint.cli;

import io.modelprint.engine.arch.Architecture;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/** The values of the options that take a name, for picocli's --help (${COMPLETION-CANDIDATES}) and completion. */
final class Choices {
    private Choices() {}

    static final class Architectures implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Architecture.values()).map(Architecture::cliName).iterator();
        }
    }

    static final class Engines implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("auto", "pytorch", "onnxruntime").iterator();
        }
    }

    static final class Presets implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("quick", "paper").iterator();
        }
    }

    static final class Datasets implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("fashion-mnist", "mnist", "cifar10", "cifar100", "folder").iterator();
        }
    }

    static final class Inits implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("data", "random").iterator();
        }
    }

    static final class TargetLabels implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("least-likely", "random").iterator();
        }
    }
}
