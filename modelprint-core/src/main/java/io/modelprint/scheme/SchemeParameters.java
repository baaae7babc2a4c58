package io.modelprint.scheme;

import io.modelprint.InputException;
import java.util.Map;

/**
 * Parameters a scheme is made with: given ones (command line, or a fingerprint's meta.json) and,
 * for the rest, the scheme's defaults. The values a scheme used reach the fingerprint through its
 * generator's {@code parameters()}.
 */
public final class SchemeParameters {
    private final Map<String, Object> given;

    public SchemeParameters(Map<String, Object> given) {
        this.given = given == null ? Map.of() : given;
    }

    public static SchemeParameters defaults() {
        return new SchemeParameters(Map.of());
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
        return result;
    }

    public String text(String name, String fallback) {
        Object value = given.get(name);
        String result = value == null ? fallback : value.toString();
        return result;
    }

    public boolean flag(String name, boolean fallback) {
        Object value = given.get(name);
        boolean result = value == null ? fallback : Boolean.parseBoolean(value.toString());
        return result;
    }
}
