package io.modelprint.scheme;

import io.modelprint.InputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parameters a scheme is made with: given ones (command line, or a fingerprint's meta.json) and,
 * for the rest, the scheme's defaults. Every value read is recorded, so the fingerprint stores all
 * of them.
 */
public final class SchemeParameters {
    private final Map<String, Object> given;
    private final Map<String, Object> used = new LinkedHashMap<>();

    public SchemeParameters(Map<String, Object> given) {
        this.given = given == null ? Map.of() : given;
    }

    public static SchemeParameters defaults() {
        return new SchemeParameters(Map.of());
    }

    public Map<String, Object> used() {
        return used;
    }

    public int integer(String name, int fallback) {
        Object value = given.get(name);
        int result;
        if (value == null) {
            result = fallback;
        } else if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            result = number.intValue();
        } else {
            try {
                result = Integer.parseInt(value.toString());
            } catch (NumberFormatException e) {
                throw new InputException(name + ": expected an integer, got '" + value + "'");
            }
        }
        used.put(name, result);
        return result;
    }

    public float real(String name, float fallback) {
        Object value = given.get(name);
        float result;
        if (value == null) {
            result = fallback;
        } else if (value instanceof Number number) {
            result = number.floatValue();
        } else {
            try {
                result = Float.parseFloat(value.toString());
            } catch (NumberFormatException e) {
                throw new InputException(name + ": expected a number, got '" + value + "'");
            }
        }
        if (!Float.isFinite(result)) {
            throw new InputException(name + ": expected a finite number, got '" + value + "'");
        }
        used.put(name, result);
        return result;
    }

    public String text(String name, String fallback) {
        Object value = given.get(name);
        String result = value == null ? fallback : value.toString();
        used.put(name, result);
        return result;
    }

    public boolean flag(String name, boolean fallback) {
        Object value = given.get(name);
        boolean result = value == null ? fallback : Boolean.parseBoolean(value.toString());
        used.put(name, result);
        return result;
    }
}
