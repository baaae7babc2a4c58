package io.modelprint.model.remote;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads one tensor object of the Open Inference Protocol ({@code name}, {@code shape},
 * {@code datatype}, {@code data}, optional {@code parameters}) from a streaming parser. Data may be
 * flat or nested; numbers are parsed from their text so that FP32 values round-trip exactly.
 */
final class TensorReader {
    private TensorReader() {}

    static OutputTensor read(JsonParser parser, String what) throws IOException {
        return read(parser, what, Integer.MAX_VALUE - 8);
    }

    /** Reads one tensor whose data may hold at most {@code maxValues} numbers. */
    static OutputTensor read(JsonParser parser, String what, long maxValues) throws IOException {
        expect(parser.currentToken() == JsonToken.START_OBJECT, what + " must be an object");
        String name = null;
        String datatype = null;
        long[] shape = null;
        Numbers numbers = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "name" -> name = text(parser, what + ".name");
                case "datatype" -> datatype = text(parser, what + ".datatype").toUpperCase(Locale.ROOT);
                case "shape" -> shape = readShape(parser, what);
                case "data" -> numbers = readNumbers(parser, what, maxValues);
                default -> {
                    if (value.isStructStart()) {
                        parser.skipChildren();
                    }
                }
            }
        }
        expect(name != null, what + " has no \"name\"");
        expect(datatype != null, what + " \"" + name + "\" has no \"datatype\"");
        expect(shape != null, what + " \"" + name + "\" has no \"shape\"");
        expect(numbers != null, what + " \"" + name + "\" has no \"data\"");
        for (long d : shape) {
            expect(d >= 0, what + " \"" + name + "\" has a negative dimension in shape " + Arrays.toString(shape));
        }
        long elements = elementCount(shape);
        expect(elements <= maxValues, what + " \"" + name + "\" has shape " + Arrays.toString(shape)
                + ": too large, more than the " + maxValues + " values this request can carry");
        expect(elements == numbers.count(), what + " \"" + name + "\" has shape " + Arrays.toString(shape) + " ("
                + elements + " elements) but " + numbers.count() + " data values");
        return switch (datatype) {
            case "FP32", "FP64", "FP16" -> new OutputTensor(name, datatype, shape, null, numbers.floats());
            case "INT8", "INT16", "INT32", "INT64", "UINT8", "UINT16", "UINT32", "UINT64" -> {
                expect(numbers.longs() != null, what + " \"" + name + "\" is an integer tensor but holds " + numbers.firstNonInteger());
                yield new OutputTensor(name, datatype, shape, numbers.longs(), null);
            }
            default -> throw new ProtocolException(what + " \"" + name + "\" has datatype " + datatype
                    + "; expected a numeric type such as FP32 or INT64");
        };
    }

    /** The product of non-negative dimensions, saturating at {@link Long#MAX_VALUE} rather than overflowing. */
    static long elementCount(long[] shape) {
        long elements = 1;
        for (long d : shape) {
            if (d == 0) {
                return 0;
            }
        }
        for (long d : shape) {
            try {
                elements = Math.multiplyExact(elements, d);
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;
            }
        }
        return elements;
    }

    static String text(JsonParser parser, String what) throws IOException {
        expect(parser.currentToken() == JsonToken.VALUE_STRING, what + " must be a string");
        return parser.getText();
    }

    private static long[] readShape(JsonParser parser, String what) throws IOException {
        expect(parser.currentToken() == JsonToken.START_ARRAY, what + ".shape must be an array of integers");
        long[] dims = new long[8];
        int n = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            expect(parser.currentToken() == JsonToken.VALUE_NUMBER_INT, what + ".shape must be an array of integers");
            if (n == dims.length) {
                dims = Arrays.copyOf(dims, n * 2);
            }
            dims[n++] = parser.getLongValue();
        }
        return Arrays.copyOf(dims, n);
    }

    /**
     * The numbers of a data array, parsed as they are read: each as a float (from its text, so FP32
     * values round-trip exactly) and, while every one is an integer, as a long. No per-number object
     * is kept, so a request's memory stays a small multiple of its body.
     */
    record Numbers(float[] floats, long[] longs, int count, String firstNonInteger) {}

    /** Flattens nested arrays of numbers in row-major order; more than {@code maxCount} is refused while reading. */
    private static Numbers readNumbers(JsonParser parser, String what, long maxCount) throws IOException {
        expect(parser.currentToken() == JsonToken.START_ARRAY, what + ".data must be an array of numbers");
        float[] floats = new float[1024];
        long[] longs = new long[1024];
        String firstNonInteger = null;
        int n = 0;
        int depth = 1;
        while (depth > 0) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new ProtocolException(what + ".data ends early");
            }
            switch (token) {
                case START_ARRAY -> depth++;
                case END_ARRAY -> depth--;
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                    if (n >= maxCount) {
                        throw new ProtocolException(what + ".data holds more than " + maxCount + " values, more than this"
                                + " request can carry");
                    }
                    if (n == floats.length) {
                        floats = Arrays.copyOf(floats, n * 2);
                        longs = firstNonInteger == null ? Arrays.copyOf(longs, n * 2) : longs;
                    }
                    String text = parser.getText();
                    floats[n] = Float.parseFloat(text);
                    if (firstNonInteger == null) {
                        try {
                            longs[n] = token == JsonToken.VALUE_NUMBER_INT ? Long.parseLong(text) : parseFailure();
                        } catch (NumberFormatException e) {
                            firstNonInteger = text;
                            longs = null;
                        }
                    }
                    n++;
                }
                default -> throw new ProtocolException(what + ".data must hold only numbers, found " + token);
            }
        }
        return new Numbers(Arrays.copyOf(floats, n), longs == null ? null : Arrays.copyOf(longs, n), n, firstNonInteger);
    }

    private static long parseFailure() {
        throw new NumberFormatException("not an integer");
    }

    static void expect(boolean condition, String message) {
        if (!condition) {
            throw new ProtocolException(message);
        }
    }
}
