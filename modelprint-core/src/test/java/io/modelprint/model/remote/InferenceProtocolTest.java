package io.modelprint.model.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InferenceProtocolTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void fp32ValuesSurviveTheJsonRoundTripBitForBit() {
        Random random = new Random(3);
        float[] values = new float[2 * 3 * 4 * 4];
        for (int i = 0; i < values.length; i++) {
            values[i] = Float.intBitsToFloat(random.nextInt(0x3f800000)); // any float in [0, 1)
        }
        values[0] = Float.MIN_VALUE;
        values[1] = 1f / 3f;
        values[2] = 0.1f;
        byte[] body = InferenceProtocol.inferRequest("x", new long[] {2, 3, 4, 4}, values, 0, values.length, "label");
        InferRequest request = InferenceProtocol.readInferRequest(body);
        OutputTensor input = request.inputs().get(0);
        assertEquals("x", input.name());
        assertEquals("FP32", input.datatype());
        assertArrayEquals(new long[] {2, 3, 4, 4}, input.shape());
        assertArrayEquals(values, input.floats());
        assertEquals(List.of("label"), request.requestedOutputs());
    }

    @Test
    void nestedDataIsFlattenedRowMajorAndUnknownFieldsAreSkipped() {
        String json = "{\"id\":\"7\",\"parameters\":{\"a\":[1,{\"b\":2}]},\"inputs\":[{\"name\":\"in\",\"shape\":[2,2],"
                + "\"datatype\":\"FP32\",\"parameters\":{\"binary_data_size\":null},\"data\":[[1,2.5],[3e0,-4]]}]}";
        InferRequest request = InferenceProtocol.readInferRequest(utf8(json));
        assertEquals("7", request.id());
        assertArrayEquals(new float[] {1f, 2.5f, 3f, -4f}, request.inputs().get(0).floats());
        assertTrue(request.requestedOutputs().isEmpty());
    }

    @Test
    void nonFiniteTokensAreReadSoThatServersCanRefuseThemByName() {
        String json = "{\"inputs\":[{\"name\":\"in\",\"shape\":[3],\"datatype\":\"FP32\",\"data\":[NaN,Infinity,-Infinity]}]}";
        float[] v = InferenceProtocol.readInferRequest(utf8(json)).inputs().get(0).floats();
        assertTrue(Float.isNaN(v[0]) && v[1] == Float.POSITIVE_INFINITY && v[2] == Float.NEGATIVE_INFINITY);
    }

    @Test
    void responsesGiveExactIntegerLabelsAndFloatScores() {
        List<OutputTensor> outputs = List.of(
                new OutputTensor("label", "INT64", new long[] {2}, new long[] {3, 9}, null),
                new OutputTensor("scores", "FP32", new long[] {2, 2}, null, new float[] {0.25f, -1f, 7f, 0f}));
        List<OutputTensor> read = InferenceProtocol.readInferResponse(InferenceProtocol.inferResponse("m", "id-1", outputs));
        assertArrayEquals(new long[] {3, 9}, read.get(0).longs());
        assertArrayEquals(new float[] {0.25f, -1f, 7f, 0f}, read.get(1).floats());
        assertArrayEquals(new long[] {2, 2}, read.get(1).shape());
    }

    @Test
    void malformedMessagesAreRefusedWithWhatIsWrong() {
        assertTrue(assertThrows(ProtocolException.class, () -> InferenceProtocol.readInferRequest(utf8("{\"inputs\":[{"
                + "\"name\":\"in\",\"shape\":[2,2],\"datatype\":\"FP32\",\"data\":[1,2,3]}]}"))).getMessage()
                .contains("shape [2, 2] (4 elements) but 3 data values"));
        assertTrue(assertThrows(ProtocolException.class, () -> InferenceProtocol.readInferRequest(utf8("{\"outputs\":[]}")))
                .getMessage().contains("no \"inputs\""));
        assertTrue(assertThrows(ProtocolException.class, () -> InferenceProtocol.readInferRequest(utf8("<html>")))
                .getMessage().contains("not valid JSON"));
        assertTrue(assertThrows(ProtocolException.class, () -> InferenceProtocol.readInferRequest(utf8("{\"inputs\":[{"
                + "\"name\":\"in\",\"shape\":[1],\"datatype\":\"BYTES\",\"data\":[1]}]}"))).getMessage().contains("BYTES"));
        assertTrue(assertThrows(ProtocolException.class, () -> InferenceProtocol.readInferResponse(utf8("{\"outputs\":[{"
                + "\"name\":\"label\",\"shape\":[1],\"datatype\":\"INT64\",\"data\":[1.5]}]}"))).getMessage().contains("1.5"));
        assertTrue(assertThrows(ProtocolException.class, () -> InferenceProtocol.readInferResponse(utf8("{\"error\":\"model busy\"}")))
                .getMessage().contains("model busy"));
    }

    @Test
    void metadataAndErrorBodiesRoundTrip() {
        ModelMetadata metadata = new ModelMetadata("m", "p", List.of(new TensorMetadata("input", "FP32", new long[] {-1, 1, 28, 28})),
                List.of(new TensorMetadata("label", "INT64", new long[] {-1})));
        ModelMetadata read = InferenceProtocol.readMetadata(InferenceProtocol.metadata(metadata));
        assertEquals("m", read.name());
        assertArrayEquals(new long[] {-1, 1, 28, 28}, read.inputs().get(0).shape());
        assertEquals("INT64", read.outputs().get(0).datatype());
        assertEquals("bad \"shape\"", InferenceProtocol.readError(InferenceProtocol.error("bad \"shape\"")));
        assertNull(InferenceProtocol.readError(utf8("<html>oops</html>")));
    }
}
