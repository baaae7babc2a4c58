package io.modelprint.lab.zoo;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.modelprint.InputException;
import io.modelprint.engine.ModelProvenance;
import io.modelprint.gradient.UnreliableGradientsException;
import java.io.UncheckedIOException;
import java.util.Map;

/** One line between a build and its worker processes: a model to build, or what became of it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WorkerMessage(String name, Map<String, Object> extra, ModelProvenance provenance, double cpuSeconds, String failure,
        String failureType) {
    static WorkerMessage build(String name, Map<String, Object> extra) {
        return new WorkerMessage(name, extra, null, 0, null, null);
    }

    static WorkerMessage built(String name, ModelProvenance provenance, double cpuSeconds) {
        return new WorkerMessage(name, null, provenance, cpuSeconds, null, null);
    }

    static WorkerMessage failed(String name, RuntimeException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return new WorkerMessage(name, null, null, 0, message, e.getClass().getSimpleName());
    }

    /**
     * The worker's failure as the same kind of exception the build would have thrown in process: bad
     * input stays bad input, and unreliable gradients keep their exit code (the launcher's retry).
     */
    RuntimeException exception() {
        if (UnreliableGradientsException.class.getSimpleName().equals(failureType)) {
            return new UnreliableGradientsException(failure);
        }
        if (InputException.class.getSimpleName().equals(failureType)) {
            return new InputException(failure);
        }
        return new IllegalStateException("building " + name + ": " + failure + " (" + failureType + ")");
    }

    String toLine() {
        try {
            return WorkerSetup.JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WorkerMessage parse(String line) {
        try {
            return WorkerSetup.JSON.readValue(line, WorkerMessage.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a zoo worker process wrote a line that is not a message: " + abbreviated(line), e);
        }
    }

    private static String abbreviated(String line) {
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }
}
