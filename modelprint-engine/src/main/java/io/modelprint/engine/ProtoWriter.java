package io.modelprint.engine;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** One protobuf message written field by field (numbers from the message's .proto), nested messages as bytes. */
final class ProtoWriter {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CodedOutputStream out = CodedOutputStream.newInstance(bytes);

    ProtoWriter int64(int field, long value) {
        return write(() -> out.writeInt64(field, value));
    }

    ProtoWriter float32(int field, float value) {
        return write(() -> out.writeFloat(field, value));
    }

    ProtoWriter string(int field, String value) {
        return write(() -> out.writeString(field, value));
    }

    ProtoWriter bytes(int field, byte[] value) {
        return write(() -> out.writeByteArray(field, value));
    }

    ProtoWriter message(int field, ProtoWriter message) {
        return bytes(field, message.toByteArray());
    }

    byte[] toByteArray() {
        write(out::flush);
        return bytes.toByteArray();
    }

    private interface Write {
        void run() throws IOException;
    }

    private ProtoWriter write(Write write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
