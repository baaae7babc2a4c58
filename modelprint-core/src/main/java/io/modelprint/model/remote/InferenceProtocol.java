package io.modelprint.model.remote;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of the Open Inference Protocol (KServe "V2" REST), both sides: infer requests and
 * responses, model metadata and the {@code {"error": "..."}} body. Non-numeric tokens (NaN,
 * Infinity) are read so that a server can refuse them by name instead of failing to parse.
 */
public final class InferenceProtocol {
    public static final String FP32 = "FP32";
    public static final String INT64 = "INT64";

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(JSON);

    private InferenceProtocol() {}

    public static String modelPath(String name) {
        return "/v2/models/" + name;
    }

    public static String inferPath(String name) {
        return modelPath(name) + "/infer";
    }

    /** Request body with one FP32 input of {@code shape} holding {@code length} values from {@code offset}. */
    public static byte[] inferRequest(String inputName, long[] shape, float[] values, int offset, int length,
            String outputName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length * 12 + 256);
        try (JsonGenerator gen = JSON.createGenerator(out)) {
            gen.writeStartObject();
            gen.writeArrayFieldStart("inputs");
            gen.writeStartObject();
            gen.writeStringField("name", inputName);
            gen.writeArrayFieldStart("shape");
            for (long d : shape) {
                gen.writeNumber(d);
            }
            gen.writeEndArray();
            gen.writeStringField("datatype", FP32);
            gen.writeArrayFieldStart("data");
            for (int i = offset; i < offset + length; i++) {
                gen.writeNumber(values[i]);
            }
            gen.writeEndArray();
            gen.writeEndObject();
            gen.writeEndArray();
            if (outputName != null) {
                gen.writeArrayFieldStart("outputs");
                gen.writeStartObject();
                gen.writeStringField("name", outputName);
                gen.writeEndObject();
                gen.writeEndArray();
            }
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static InferRequest readInferRequest(byte[] body) {
        return readInferRequest(body, Integer.MAX_VALUE - 8);
    }

    /** As above; a tensor with more than {@code maxValues} numbers is refused as soon as it has them. */
    public static InferRequest readInferRequest(byte[] body, long maxValues) {
        try (JsonParser parser = JSON.createParser(body)) {
            TensorReader.expect(parser.nextToken() == JsonToken.START_OBJECT, "the request body must be a JSON object");
            String id = null;
            List<OutputTensor> inputs = null;
            List<String> outputs = new ArrayList<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "id" -> id = TensorReader.text(parser, "id");
                    case "inputs" -> inputs = readTensors(parser, "inputs", maxValues);
                    case "outputs" -> outputs = readOutputNames(parser);
                    default -> {
                        if (value.isStructStart()) {
                            parser.skipChildren();
                        }
                    }
                }
            }
            TensorReader.expect(inputs != null, "the request has no \"inputs\"");
            TensorReader.expect(parser.nextToken() == null, "the request body goes on after its JSON object");
            return new InferRequest(id, inputs, outputs);
        } catch (JsonProcessingException e) {
            throw new ProtocolException("the request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The outputs of an infer response body. */
    public static List<OutputTensor> readInferResponse(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            TensorReader.expect(parser.nextToken() == JsonToken.START_OBJECT, "the answer must be a JSON object");
            List<OutputTensor> outputs = null;
            String error = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("outputs")) {
                    outputs = readTensors(parser, "outputs");
                } else if (field.equals("error") && value == JsonToken.VALUE_STRING) {
                    error = parser.getText();
                } else if (value.isStructStart()) {
                    parser.skipChildren();
                }
            }
            if (outputs == null) {
                throw new ProtocolException(error != null ? "the server answered an error: " + error
                        : "the answer has no \"outputs\"");
            }
            return outputs;
        } catch (JsonProcessingException e) {
            throw new ProtocolException("the answer is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] inferResponse(String modelName, String id, List<OutputTensor> outputs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator gen = JSON.createGenerator(out)) {
            gen.writeStartObject();
            gen.writeStringField("model_name", modelName);
            if (id != null) {
                gen.writeStringField("id", id);
            }
            gen.writeArrayFieldStart("outputs");
            for (OutputTensor t : outputs) {
                gen.writeStartObject();
                gen.writeStringField("name", t.name());
                gen.writeStringField("datatype", t.datatype());
                gen.writeArrayFieldStart("shape");
                for (long d : t.shape()) {
                    gen.writeNumber(d);
                }
                gen.writeEndArray();
                gen.writeArrayFieldStart("data");
                if (t.isInteger()) {
                    for (long v : t.longs()) {
                        gen.writeNumber(v);
                    }
                } else {
                    for (float v : t.floats()) {
                        gen.writeNumber(v);
                    }
                }
                gen.writeEndArray();
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] metadata(ModelMetadata metadata) {
        var root = MAPPER.createObjectNode();
        root.put("name", metadata.name());
        root.putArray("versions").add("1");
        root.put("platform", metadata.platform());
        writeTensorMetadata(root.putArray("inputs"), metadata.inputs());
        writeTensorMetadata(root.putArray("outputs"), metadata.outputs());
        if (!metadata.parameters().isEmpty()) {
            var parameters = root.putObject("parameters");
            new java.util.TreeMap<>(metadata.parameters()).forEach(parameters::put);
        }
        return bytes(root);
    }

    public static ModelMetadata readMetadata(byte[] body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new ProtocolException("the model metadata is not valid JSON");
        }
        TensorReader.expect(root != null && root.isObject(), "the model metadata must be a JSON object");
        java.util.Map<String, String> parameters = new java.util.TreeMap<>();
        JsonNode given = root.get("parameters");
        if (given != null && given.isObject()) {
            given.fields().forEachRemaining(e -> {
                if (e.getValue().isValueNode() && parameters.size() < 64) {
                    parameters.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        return new ModelMetadata(root.path("name").asText(""), root.path("platform").asText(""),
                readTensorMetadata(root.get("inputs"), "inputs"), readTensorMetadata(root.get("outputs"), "outputs"), parameters);
    }

    public static byte[] error(String message) {
        return bytes(MAPPER.createObjectNode().put("error", message));
    }

    /** The message of an {@code {"error": "..."}} body, or null when the body is not one. */
    public static String readError(byte[] body) {
        try {
            JsonNode root = MAPPER.readTree(body);
            return root != null && root.path("error").isTextual() ? root.get("error").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    public static byte[] status(String field, boolean value) {
        return bytes(MAPPER.createObjectNode().put(field, value));
    }

    private static List<OutputTensor> readTensors(JsonParser parser, String what) throws IOException {
        return readTensors(parser, what, Integer.MAX_VALUE - 8);
    }

    private static List<OutputTensor> readTensors(JsonParser parser, String what, long maxValues) throws IOException {
        TensorReader.expect(parser.currentToken() == JsonToken.START_ARRAY, "\"" + what + "\" must be an array");
        List<OutputTensor> tensors = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            tensors.add(TensorReader.read(parser, what + "[" + tensors.size() + "]", maxValues));
        }
        return tensors;
    }

    private static List<String> readOutputNames(JsonParser parser) throws IOException {
        TensorReader.expect(parser.currentToken() == JsonToken.START_ARRAY, "\"outputs\" must be an array");
        List<String> names = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            JsonNode node = MAPPER.readTree(parser);
            TensorReader.expect(node.path("name").isTextual(), "each requested output needs a \"name\"");
            names.add(node.get("name").asText());
        }
        return names;
    }

    private static void writeTensorMetadata(com.fasterxml.jackson.databind.node.ArrayNode array, List<TensorMetadata> tensors) {
        for (TensorMetadata t : tensors) {
            var node = array.addObject();
            node.put("name", t.name());
            node.put("datatype", t.datatype());
            var shape = node.putArray("shape");
            for (long d : t.shape()) {
                shape.add(d);
            }
        }
    }

    private static List<TensorMetadata> readTensorMetadata(JsonNode array, String what) {
        List<TensorMetadata> tensors = new ArrayList<>();
        if (array == null || !array.isArray()) {
            return tensors;
        }
        for (JsonNode node : array) {
            JsonNode shapeNode = node.path("shape");
            long[] shape = new long[shapeNode.size()];
            for (int i = 0; i < shape.length; i++) {
                TensorReader.expect(shapeNode.get(i).canConvertToLong(), "metadata " + what + " shape must hold integers");
                shape[i] = shapeNode.get(i).asLong();
            }
            tensors.add(new TensorMetadata(node.path("name").asText(""), node.path("datatype").asText("").toUpperCase(
                    java.util.Locale.ROOT), shape));
        }
        return tensors;
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
