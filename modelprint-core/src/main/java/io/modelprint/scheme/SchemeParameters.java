package io.modelprint.scheme;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values a scheme is made with: every declared parameter, given or defaulted, already checked
 * against its {@link ParameterSpec}. Made by {@link ParameterSpec#resolve}; recorded in the
 * fingerprint's meta.json, from which the same scheme is rebuilt.
 */
public final class SchemeParameters {
    private final Map<String, Object> values;

    SchemeParameters(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The parameters of a scheme that has none (a version-1 fingerprint's label matching). */
    public static SchemeParameters none() {
        return new SchemeParameters(Map.of());
    }

    /** The number of queries ({@value ParameterSpec#N}); 0 for a scheme that declares none (it asks no queries). */
    public int queryCount() {
        return values.containsKey(ParameterSpec.N) ? integer(ParameterSpec.N) : 0;
    }

    public int integer(String name) {
        return (Integer) value(name);
    }

    public float real(String name) {
        return (Float) value(name);
    }

    public String text(String name) {
        return (String) value(name);
    }

    public boolean flag(String name) {
        return (Boolean) value(name);
    }

    /** Every parameter's value, in declaration order. */
    public Map<String, Object> values() {
        return values;
    }

    private Object value(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("parameter " + name + " was not declared");
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SchemeParameters p && values.equals(p.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
