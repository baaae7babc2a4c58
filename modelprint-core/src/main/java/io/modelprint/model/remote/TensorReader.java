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
        expect(parser.currentToken() == JsonToken.START_OBJECT, what + " must be an object");
        String name = null;
        String datatype = null;
        long[] shape = null;
        String[] numbers = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "name" -> name = text(parser, what + ".name");
                case "datatype" -> datatype = text(parser, what + ".datatype").toUpperCase(Locale.ROOT);
                case "shape" -> shape = readShape(parser, what);
                case "data" -> numbers = readNumbers(parser, what);
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
        long elements = 1;
        for (long d : shape) {
            expect(d >= 0, what + " \"" + name + "\" has a negative dimension in shape " + Arrays.toString(shape));
            elements *= d;
        }
        expect(elements == numbers.length, what + " \"" + name + "\" has shape " + Arrays.toString(shape) + " ("
                + elements + " elements) but " + numbers.length + " data values");
        return switch (datatype) {
            case "FP32", "FP64", "FP16" -> new OutputTensor(name, datatype, shape, null, floats(numbers));
            case "INT8", "INT16", "INT32", "INT64", "UINT8", "UINT16", "UINT32", "UINT64" ->
                    new OutputTensor(name, datatype, shape, longs(numbers, what, name), null);
            default -> throw new ProtocolException(what + " \"" + name + "\" has datatype " + datatype
                    + "; expected a numeric type such as FP32 or INT64");
        };
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

    /** Flattens nested arrays of numbers in row-major order, keeping each number's text. */
    private static String[] readNumbers(JsonParser parser, String what) throws IOException {
        expect(parser.currentToken() == JsonToken.START_ARRAY, what + ".data must be an array of numbers");
        String[] values = new String[1024];
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
                    if (n == values.length) {
                        values = Arrays.copyOf(values, n * 2);
                    }
                    values[n++] = parser.getText();
                }
                default -> throw new ProtocolException(what + ".data must hold only numbers, found " + token);
            }
        }
        return Arrays.copyOf(values, n);
    }

    private static float[] floats(String[] numbers) {
        float[] out = new float[numbers.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Float.parseFloat(numbers[i]);
        }
        return out;
    }

    private static long[] longs(String[] numbers, String what, String name) {
        long[] out = new long[numbers.length];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = Long.parseLong(numbers[i]);
            } catch (NumberFormatException e) {
                throw new ProtocolException(what + " \"" + name + "\" is an integer tensor but holds " + numbers[i]);
            }
        }
        return out;
    }

    static void expect(boolean condition, String message) {
        if (!condition) {
            throw new ProtocolException(message);
        }
    }
}
