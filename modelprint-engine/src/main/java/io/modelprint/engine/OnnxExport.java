package io.modelprint.engine;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.util.Pair;
import io.modelprint.data.InputSpec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one of modelprint's sequential networks (small VGG, LeNet-5, MLP) as an ONNX model (IR 8,
 * opset 13): Conv, BatchNormalization, Relu, MaxPool, Flatten and Gemm nodes with the weights as
 * initializers; input {@code input} [N,C,H,W], output {@code logits} [N,classes]. DJL cannot export,
 * and these networks use few operators, so the graph is written directly (ONNX's protobuf field
 * numbers, onnx/onnx.proto). The architectures' pooling layers are 2x2 max pools of stride 2, and
 * their unnamed lambda layers a ReLU after a convolution, batch norm or linear layer; a network with
 * any other layer is refused (a wrong guess would also show in the logits, which the tests compare).
 */
public final class OnnxExport {
    private static final long IR_VERSION = 8;
    private static final long OPSET = 13;
    private static final int FLOAT = 1;
    private static final int ATTRIBUTE_FLOAT = 1;
    private static final int ATTRIBUTE_INT = 2;
    private static final int ATTRIBUTE_INTS = 7;
    /** DJL's BatchNorm default, which modelprint's architectures keep. */
    private static final float BATCH_NORM_EPSILON = 1e-5f;

    /** One graph node; written when the graph is complete (the last one's output is then named "logits"). */
    private record Node(String op, List<String> inputs, String output, ProtoWriter[] attributes) {
        ProtoWriter write(String outputName) {
            ProtoWriter node = new ProtoWriter();
            inputs.forEach(input -> node.string(1, input));
            node.string(2, outputName).string(3, outputName).string(4, op);
            for (ProtoWriter attribute : attributes) {
                node.message(5, attribute);
            }
            return node;
        }
    }

    private final List<Node> nodes = new ArrayList<>();
    private final List<ProtoWriter> initializers = new ArrayList<>();
    private String current = "input";
    private int counter;

    private OnnxExport() {}

    /** The ONNX bytes of {@code model} for inputs of {@code spec} and {@code classes} outputs. */
    public static byte[] export(Model model, InputSpec spec, int classes) {
        if (!(model.getBlock() instanceof SequentialBlock sequential)) {
            throw new IllegalArgumentException("ONNX export supports sequential networks only, not "
                    + model.getBlock().getClass().getSimpleName());
        }
        OnnxExport export = new OnnxExport();
        String previous = null;
        for (Block layer : sequential.getChildren().values()) {
            previous = export.add(layer, previous);
        }
        ProtoWriter graph = new ProtoWriter();
        for (int i = 0; i < export.nodes.size(); i++) {
            Node node = export.nodes.get(i);
            graph.message(1, node.write(i == export.nodes.size() - 1 ? "logits" : node.output()));
        }
        graph.string(2, model.getName());
        export.initializers.forEach(tensor -> graph.message(5, tensor));
        graph.message(11, valueInfo("input", "N", spec.channels(), spec.height(), spec.width()));
        graph.message(12, valueInfo("logits", "N", classes));
        return new ProtoWriter().int64(1, IR_VERSION).string(2, "modelprint").message(7, graph)
                .message(8, new ProtoWriter().string(1, "").int64(2, OPSET)).toByteArray();
    }

    /** Adds the nodes of one layer; returns what it was (for the unnamed lambdas that follow). */
    private String add(Block layer, String previous) {
        if (layer instanceof Conv2d conv) {
            long[] kernel = parameter(conv, "weight").getShape().getShape();
            long pad = conv.getPadding() == null ? 0 : conv.getPadding().get(0);
            long stride = conv.getStride() == null ? 1 : conv.getStride().get(0);
            node("Conv", List.of(current, initializer(parameter(conv, "weight")), initializer(parameter(conv, "bias"))),
                    ints("kernel_shape", kernel[2], kernel[3]), ints("pads", pad, pad, pad, pad), ints("strides", stride, stride));
            return "conv";
        }
        if (layer instanceof BatchNorm norm) {
            node("BatchNormalization", List.of(current, initializer(parameter(norm, "gamma")), initializer(parameter(norm, "beta")),
                    initializer(parameter(norm, "runningMean")), initializer(parameter(norm, "runningVar"))),
                    new ProtoWriter().string(1, "epsilon").float32(2, BATCH_NORM_EPSILON).int64(20, ATTRIBUTE_FLOAT));
            return "norm";
        }
        if (layer instanceof Linear linear) {
            node("Gemm", List.of(current, initializer(parameter(linear, "weight")), initializer(parameter(linear, "bias"))),
                    new ProtoWriter().string(1, "transB").int64(3, 1).int64(20, ATTRIBUTE_INT));
            return "linear";
        }
        if (layer instanceof LambdaBlock lambda && "batchFlatten".equals(lambda.getName())) {
            node("Flatten", List.of(current), new ProtoWriter().string(1, "axis").int64(3, 1).int64(20, ATTRIBUTE_INT));
            return "flatten";
        }
        if (layer instanceof LambdaBlock lambda && "maxPool2d".equals(lambda.getName())) {
            node("MaxPool", List.of(current), ints("kernel_shape", 2, 2), ints("strides", 2, 2));
            return "pool";
        }
        if (layer instanceof LambdaBlock lambda && LambdaBlock.DEFAULT_NAME.equals(lambda.getName())
                && List.of("conv", "norm", "linear").contains(previous)) {
            node("Relu", List.of(current));
            return "relu";
        }
        throw new IllegalArgumentException("ONNX export: unsupported layer " + layer + " after " + previous);
    }

    private void node(String op, List<String> inputs, ProtoWriter... attributes) {
        String output = op.toLowerCase(java.util.Locale.ROOT) + "_" + counter++;
        nodes.add(new Node(op, inputs, output, attributes));
        current = output;
    }

    private String initializer(NDArray values) {
        String name = "w" + initializers.size();
        float[] floats = values.toFloatArray();
        ByteBuffer raw = ByteBuffer.allocate(floats.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(floats);
        ProtoWriter tensor = new ProtoWriter();
        for (long dim : values.getShape().getShape()) {
            tensor.int64(1, dim);
        }
        tensor.int64(2, FLOAT).string(8, name).bytes(9, raw.array());
        initializers.add(tensor);
        return name;
    }

    private static ProtoWriter ints(String name, long... values) {
        ProtoWriter attribute = new ProtoWriter().string(1, name);
        for (long value : values) {
            attribute.int64(8, value);
        }
        return attribute.int64(20, ATTRIBUTE_INTS);
    }

    private static ProtoWriter valueInfo(String name, String batch, long... dims) {
        ProtoWriter shape = new ProtoWriter().message(1, new ProtoWriter().string(2, batch));
        for (long dim : dims) {
            shape.message(1, new ProtoWriter().int64(1, dim));
        }
        ProtoWriter tensor = new ProtoWriter().int64(1, FLOAT).message(2, shape);
        return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensor));
    }

    private static NDArray parameter(Block block, String name) {
        for (Pair<String, Parameter> pair : block.getDirectParameters()) {
            if (pair.getKey().equals(name)) {
                return pair.getValue().getArray();
            }
        }
        throw new IllegalArgumentException("ONNX export: " + block + " has no parameter " + name);
    }
}
