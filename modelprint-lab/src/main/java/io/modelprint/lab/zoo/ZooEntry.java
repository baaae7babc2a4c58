package io.modelprint.lab.zoo;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One row of {@code manifest.json}: a model of the zoo, how it was made and what it measured.
 * {@code kept=false} marks a sweep step that lost more than the allowed accuracy (not a suspect;
 * recorded so that a resumed build does not make it again).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ZooEntry(
        String name,
        SuspectGroup group,
        String kind,
        String parent,
        Map<String, Object> parameters,
        double testAccuracy,
        String path,
        String sha256,
        double seconds,
        boolean kept) {}
