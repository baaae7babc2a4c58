package io.modelprint.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's {@code .npy} format, version 1.0, for little-endian float32 ({@code <f4}) and int64
 * ({@code <i8}) C-order arrays: what {@code numpy.save} writes and {@code numpy.load} reads.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    /** A decoded array: its dtype, shape and raw little-endian data. */
    public record Array(String dtype, long[] shape, ByteBuffer data) {
        public long elementCount() {
            return Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        }

        public float[] toFloats() {
            require("<f4");
            float[] out = new float[(int) elementCount()];
            data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
            return out;
        }

        public long[] toLongs() {
            require("<i8");
            long[] out = new long[(int) elementCount()];
            data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
            return out;
        }

        private void require(String expected) {
            if (!dtype.equals(expected)) {
                throw new IllegalArgumentException("array has dtype " + dtype + ", expected " + expected);
            }
        }
    }

    private Npy() {}

    public static byte[] encode(float[] values, long... shape) {
        ByteBuffer data = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        data.asFloatBuffer().put(values);
        return encode("<f4", shape, values.length, data.array());
    }

    public static byte[] encode(long[] values, long... shape) {
        ByteBuffer data = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        data.asLongBuffer().put(values);
        return encode("<i8", shape, values.length, data.array());
    }

    private static byte[] encode(String dtype, long[] shape, int count, byte[] data) {
        long expected = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        if (expected != count) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + expected + " values, got " + count);
        }
        StringBuilder dims = new StringBuilder();
        for (long d : shape) {
            dims.append(d).append(", ");
        }
        String shapeText = shape.length == 1 ? "(" + shape[0] + ",)" : "(" + dims.substring(0, dims.length() - 2) + ")";
        StringBuilder header = new StringBuilder("{'descr': '" + dtype + "', 'fortran_order': False, 'shape': " + shapeText + ", }");
        int unpadded = MAGIC.length + 2 + 2 + header.length() + 1;
        header.append(" ".repeat((64 - unpadded % 64) % 64)).append('\n');
        ByteArrayOutputStream out = new ByteArrayOutputStream(MAGIC.length + 4 + header.length() + data.length);
        out.writeBytes(MAGIC);
        out.write(1);
        out.write(0);
        out.write(header.length() & 0xFF);
        out.write(header.length() >> 8);
        out.writeBytes(header.toString().getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data);
        return out.toByteArray();
    }

    public static Array decode(byte[] bytes) {
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
            throw new IllegalArgumentException("not a .npy array (bad magic)");
        }
        int major = bytes[6];
        int headerLength;
        int offset;
        if (major == 1) {
            headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
            offset = 10;
        } else if (major == 2 || major == 3) {
            headerLength = ByteBuffer.wrap(bytes, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            offset = 12;
        } else {
            throw new IllegalArgumentException("unsupported .npy version " + major);
        }
        if (offset + headerLength > bytes.length) {
            throw new IllegalArgumentException(".npy header is truncated");
        }
        String header = new String(bytes, offset, headerLength, StandardCharsets.US_ASCII);
        String dtype = find(DESCR, header, "descr");
        if (find(FORTRAN, header, "fortran_order").equals("True")) {
            throw new IllegalArgumentException("Fortran-order .npy arrays are not supported");
        }
        String shapeText = find(SHAPE, header, "shape").trim();
        long[] shape = shapeText.isEmpty() ? new long[0] : Arrays.stream(shapeText.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
        int width = switch (dtype) {
            case "<f4" -> 4;
            case "<i8" -> 8;
            default -> throw new IllegalArgumentException("unsupported dtype " + dtype + " (expected <f4 or <i8)");
        };
        long count = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        int dataStart = offset + headerLength;
        if ((long) bytes.length - dataStart != count * width) {
            throw new IllegalArgumentException("array of shape " + Arrays.toString(shape) + " needs " + count * width
                    + " data bytes, file has " + (bytes.length - dataStart));
        }
        return new Array(dtype, shape, ByteBuffer.wrap(bytes, dataStart, (int) (count * width)).slice());
    }

    private static String find(Pattern pattern, String header, String key) {
        Matcher matcher = pattern.matcher(header);
        if (!matcher.find()) {
            throw new IllegalArgumentException(".npy header has no '" + key + "': " + header.trim());
        }
        return matcher.group(1);
    }
}
