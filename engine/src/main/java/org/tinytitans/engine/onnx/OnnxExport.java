package org.tinytitans.engine.onnx;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tinytitans.engine.graph.Dims;
import org.tinytitans.engine.graph.Graph;
import org.tinytitans.engine.graph.Kind;
import org.tinytitans.engine.graph.Layer;
import org.tinytitans.engine.graph.ShapeRules;
import org.tinytitans.engine.model.Network;
import org.tinytitans.engine.onnx.proto.Onnx.AttributeProto;
import org.tinytitans.engine.onnx.proto.Onnx.GraphProto;
import org.tinytitans.engine.onnx.proto.Onnx.ModelProto;
import org.tinytitans.engine.onnx.proto.Onnx.NodeProto;
import org.tinytitans.engine.onnx.proto.Onnx.OperatorSetIdProto;
import org.tinytitans.engine.onnx.proto.Onnx.StringStringEntryProto;
import org.tinytitans.engine.onnx.proto.Onnx.TensorProto;
import org.tinytitans.engine.onnx.proto.Onnx.TensorShapeProto;
import org.tinytitans.engine.onnx.proto.Onnx.TypeProto;
import org.tinytitans.engine.onnx.proto.Onnx.ValueInfoProto;

/**
 * Writes a network as an ONNX model (opset 17, IR version 8) with its current, possibly pruned, widths: one
 * node per graph layer, weights as float initializers named as the engine names them. The input is
 * {@value #INPUT} (batch, C, H, W) with a symbolic batch axis; the output is {@value #OUTPUT}, the logits the
 * engine's forward gives (a Keras dense layer's fused softmax is left to the caller, as in the engine).
 */
public final class OnnxExport {
    public static final int OPSET = 17;
    /** IR version 8 is the one that goes with opset 17 (ONNX 1.12). */
    static final long IR_VERSION = 8;
    public static final String INPUT = "input";
    public static final String OUTPUT = "logits";

    private final Network net;
    private final Graph graph;
    private final GraphProto.Builder g = GraphProto.newBuilder();

    private OnnxExport(Network net) {
        this.net = net;
        this.graph = net.graph();
    }

    /** Writes {@code net} to {@code file} (replacing it) and returns the model. */
    public static ModelProto write(Network net, Path file) throws IOException {
        ModelProto model = model(net);
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            model.writeTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return model;
    }

    public static ModelProto model(Network net) {
        return new OnnxExport(net).build();
    }

    private ModelProto build() {
        g.setName(graph.name());
        g.addInput(value(INPUT, graph.inputLayer().out(), graph.height(), graph.width()));
        for (Layer l : graph.layers()) {
            node(l);
        }
        g.addOutput(value(OUTPUT, graph.classes()));
        return ModelProto.newBuilder().setIrVersion(IR_VERSION).setProducerName("tiny-titans").setProducerVersion(version())
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .addMetadataProps(StringStringEntryProto.newBuilder().setKey("params").setValue(Long.toString(net.parameterCount())))
                .addMetadataProps(StringStringEntryProto.newBuilder().setKey("macs").setValue(Long.toString(graph.counts().macs())))
                .setGraph(g).build();
    }

    private void node(Layer l) {
        String out = name(l.name());
        String in = l.inputs().isEmpty() ? INPUT : name(l.inputs().get(0));
        switch (l.kind()) {
            case INPUT -> { }
            case CONV -> {
                List<String> inputs = new ArrayList<>(List.of(in, weight(l, "weight")));
                if (l.bias()) {
                    inputs.add(weight(l, "bias"));
                }
                int k = l.kernel();
                g.addNode(op("Conv", l.name(), inputs, out, ints("kernel_shape", k, k), ints("strides", l.stride(), l.stride()),
                        ints("pads", convPads(l)), ints("dilations", 1, 1), integer("group", l.groups())));
            }
            case BATCH_NORM -> g.addNode(op("BatchNormalization", l.name(),
                    List.of(in, weight(l, "gamma"), weight(l, "beta"), weight(l, "running_mean"), weight(l, "running_var")),
                    out, AttributeProto.newBuilder().setName("epsilon").setType(AttributeProto.AttributeType.FLOAT).setF((float) l.eps()).build()));
            case RELU -> g.addNode(op("Relu", l.name(), List.of(in), out));
            case RELU6 -> g.addNode(op("Clip", l.name(), List.of(in, scalar(l.name() + ".min", 0), scalar(l.name() + ".max", 6)), out));
            case ADD -> g.addNode(op("Add", l.name(), List.of(in, name(l.inputs().get(1))), out));
            case MAX_POOL -> g.addNode(op("MaxPool", l.name(), List.of(in), out, ints("kernel_shape", l.kernel(), l.kernel()),
                    ints("strides", l.stride(), l.stride()), ints("pads", l.pad(), l.pad(), l.pad(), l.pad())));
            case AVG_POOL -> g.addNode(op("AveragePool", l.name(), List.of(in), out, ints("kernel_shape", l.kernel(), l.kernel()),
                    ints("strides", l.stride(), l.stride()), ints("pads", l.pad(), l.pad(), l.pad(), l.pad()), integer("count_include_pad", 1)));
            case GLOBAL_AVG_POOL -> g.addNode(op("GlobalAveragePool", l.name(), List.of(in), out));
            case FLATTEN -> g.addNode(op("Flatten", l.name(), List.of(in), out, integer("axis", 1)));
            case DENSE -> {
                // The engine flattens whatever reaches a dense layer; Flatten is a no-op on an (N, F) input.
                String flat = l.name() + ".flat";
                g.addNode(op("Flatten", flat, List.of(in), flat, integer("axis", 1)));
                List<String> inputs = new ArrayList<>(List.of(flat, weight(l, "weight")));
                if (l.bias()) {
                    inputs.add(weight(l, "bias"));
                }
                g.addNode(op("Gemm", l.name(), inputs, out, integer("transB", 1)));
            }
            case SOFTMAX -> g.addNode(op("Softmax", l.name(), List.of(in), out, integer("axis", 1)));
            case PAD_SHORTCUT -> {
                // option-A shortcut: every stride-th pixel, then zero channels split before/after as the engine pads
                String sub = l.name() + ".subsample";
                g.addNode(op("Slice", sub, List.of(in, longs(sub + ".starts", 0, 0), longs(sub + ".ends", Long.MAX_VALUE, Long.MAX_VALUE),
                        longs(sub + ".axes", 2, 3), longs(sub + ".steps", l.stride(), l.stride())), sub));
                int extra = l.out() - l.in();
                g.addNode(op("Pad", l.name(), List.of(sub, longs(l.name() + ".pads", 0, extra / 2, 0, 0, 0, extra - extra / 2, 0, 0)), out));
            }
        }
    }

    /** ONNX pads are (top, left, bottom, right); TF 'same' puts the odd pixel bottom/right, as the engine does. */
    private long[] convPads(Layer l) {
        if (l.pad() != Layer.SAME) {
            return new long[] {l.pad(), l.pad(), l.pad(), l.pad()};
        }
        Dims in = graph.inputShape(l.name());
        int[] ph = ShapeRules.samePadding(in.h(), l.kernel(), l.stride());
        int[] pw = ShapeRules.samePadding(in.w(), l.kernel(), l.stride());
        return new long[] {ph[0], pw[0], ph[1], pw[1]};
    }

    private String name(String layer) {
        if (layer.equals(graph.outputLayer().name())) {
            return OUTPUT;
        }
        return graph.layer(layer).kind() == Kind.INPUT ? INPUT : layer;
    }

    private String weight(Layer l, String role) {
        String n = l.name() + "." + role;
        float[] v = net.get(n);
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        TensorProto.Builder t = TensorProto.newBuilder().setName(n).setDataType(TensorProto.DataType.FLOAT_VALUE).setRawData(ByteString.copyFrom(b.array()));
        for (long d : net.shapeOf(n)) {
            t.addDims(d);
        }
        g.addInitializer(t);
        return n;
    }

    private String scalar(String n, float v) {
        g.addInitializer(TensorProto.newBuilder().setName(n).setDataType(TensorProto.DataType.FLOAT_VALUE).addFloatData(v));
        return n;
    }

    private String longs(String n, long... v) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(n).setDataType(TensorProto.DataType.INT64_VALUE).addDims(v.length);
        for (long x : v) {
            t.addInt64Data(x);
        }
        g.addInitializer(t);
        return n;
    }

    private static NodeProto op(String type, String name, List<String> inputs, String output, AttributeProto... attributes) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(type).setName(name).addAllInput(inputs).addOutput(output);
        for (AttributeProto a : attributes) {
            n.addAttribute(a);
        }
        return n.build();
    }

    private static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    private static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    private static AttributeProto ints(String name, int... values) {
        long[] l = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            l[i] = values[i];
        }
        return ints(name, l);
    }

    /** A float tensor value with a symbolic batch axis and the given per-sample dims. */
    private static ValueInfoProto value(String name, int... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder().addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"));
        for (int d : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
    }

    private static String version() {
        String v = OnnxExport.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
