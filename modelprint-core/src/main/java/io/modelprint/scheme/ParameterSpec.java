package io.modelprint.scheme;

import io.modelprint.InputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters a scheme declares (as ART declares an attack's parameters): names, types, ranges,
 * defaults. Given values are checked against it, unknown names are refused naming the known ones
 * (as foolbox refuses unknown arguments), and the rest take their defaults; the resolved values are
 * what a fingerprint records and what rebuilds its scheme.
 */
public final class ParameterSpec {
    /** Every scheme's number of queries (or of reference images, for Zest). */
    public static final String N = "n";

    private final Map<String, Parameter> byName;
    /** Names earlier builds recorded in meta.json beside the parameters (e.g. "combo"): ignored when reading one. */
    private final Set<String> recordedOnly;

    private ParameterSpec(Map<String, Parameter> byName, Set<String> recordedOnly) {
        this.byName = byName;
        this.recordedOnly = recordedOnly;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Collection<Parameter> all() {
        return byName.values();
    }

    /** The declared names, in declaration order. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public boolean declares(String name) {
        return byName.containsKey(name);
    }

    /** {@code given} checked and completed with the defaults; {@code owner} names the scheme in messages. */
    public SchemeParameters resolve(Map<String, Object> given, String owner) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : given.keySet()) {
            if (!byName.containsKey(name)) {
                throw new InputException(owner + ": unknown parameter '" + name + "' (known: " + String.join(", ", names())
                        + ")");
            }
        }
        for (Parameter parameter : byName.values()) {
            Object value = given.get(parameter.name());
            values.put(parameter.name(), value == null ? parameter.defaultValue() : parameter.accept(value, owner));
        }
        return new SchemeParameters(values);
    }

    /** As {@link #resolve}, for the parameters a fingerprint recorded: names older builds wrote beside them are dropped. */
    public SchemeParameters resolveRecorded(Map<String, Object> recorded, String owner) {
        Map<String, Object> given = new LinkedHashMap<>(recorded);
        given.keySet().removeAll(recordedOnly);
        return resolve(given, owner);
    }

    /** Declares parameters in the order --help and meta.json list them. */
    public static final class Builder {
        private final Map<String, Parameter> byName = new LinkedHashMap<>();
        private final List<String> recordedOnly = new ArrayList<>(List.of("generatedIn"));

        /** The number of queries (Zest: of reference images), {@value ParameterSpec#N}. */
        public Builder n(int defaultValue, String description) {
            return integer(N, defaultValue, Parameter.Range.atLeast(1), description);
        }

        public Builder integer(String name, int defaultValue, Parameter.Range range, String description) {
            return add(new Parameter(name, Parameter.Kind.INTEGER, defaultValue, range, List.of(), Map.of(), description));
        }

        public Builder real(String name, float defaultValue, Parameter.Range range, String description) {
            return add(new Parameter(name, Parameter.Kind.REAL, defaultValue, range, List.of(), Map.of(), description));
        }

        public Builder flag(String name, boolean defaultValue, String description) {
            return add(new Parameter(name, Parameter.Kind.FLAG, defaultValue, Parameter.Range.ANY, List.of(), Map.of(), description));
        }

        /** A parameter taking one of {@code choices}; {@code aliases} map other spellings (lower case) to a choice. */
        public Builder choice(String name, String defaultValue, List<String> choices, Map<String, String> aliases,
                String description) {
            return add(new Parameter(name, Parameter.Kind.CHOICE, defaultValue, Parameter.Range.ANY, List.copyOf(choices),
                    Map.copyOf(aliases), description));
        }

        /** Names older files record beside the parameters (provenance, derived values), ignored when reading them. */
        public Builder recordedOnly(String... names) {
            recordedOnly.addAll(List.of(names));
            return this;
        }

        public ParameterSpec build() {
            return new ParameterSpec(new LinkedHashMap<>(byName), Set.copyOf(recordedOnly));
        }

        private Builder add(Parameter parameter) {
            if (byName.putIfAbsent(parameter.name(), parameter) != null) {
                throw new IllegalArgumentException("parameter " + parameter.name() + " declared twice");
            }
            return this;
        }
    }
}
