package io.modelprint.lab.zoo;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelprint.lab.fleet.FleetPreset;
import java.util.Map;

/**
 * A {@link BuildPlan} as data, so that a worker process makes exactly the plans its parent does: a
 * zoo preset by its fields (every count and architecture, not just its name, so a custom preset
 * travels too), a fleet preset by its record components.
 */
record PlanSpec(String type, Map<String, Object> fields) {
    private static final String ZOO = "zoo";
    private static final String FLEET = "fleet";
    private static final ObjectMapper FIELDS = new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, Visibility.ANY)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectMapper RECORDS = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @SuppressWarnings("unchecked")
    static PlanSpec of(BuildPlan plan) {
        if (plan instanceof Preset preset) {
            return new PlanSpec(ZOO, FIELDS.convertValue(preset, Map.class));
        }
        if (plan instanceof FleetPreset fleet) {
            return new PlanSpec(FLEET, RECORDS.convertValue(fleet, Map.class));
        }
        throw new IllegalArgumentException("no worker process can make a " + plan.getClass().getSimpleName());
    }

    BuildPlan plan() {
        return switch (type) {
            case ZOO -> FIELDS.convertValue(fields, PresetBuilder.class).build();
            case FLEET -> RECORDS.convertValue(fields, FleetPreset.class);
            default -> throw new IllegalArgumentException("unknown build plan type '" + type + "'");
        };
    }
}
