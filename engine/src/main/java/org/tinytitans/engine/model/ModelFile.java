package org.tinytitans.engine.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.tinytitans.engine.graph.Graph;
import org.tinytitans.engine.graph.GraphJson;
import org.tinytitans.engine.weights.Safetensors;
import org.tinytitans.engine.weights.Tensor;

/**
 * The engine's own model file, {@code .tt}: a zip holding {@code graph.json} (the architecture with its
 * pruned widths and removed blocks) and {@code weights.safetensors} (F32, tensor names as in {@link ParamNames}).
 * Self-describing, so a pruned model reloads without knowing how it was pruned; the safetensors entry can be
 * unzipped and read by any safetensors tool. Written to a temporary file and renamed, so a crash leaves no
 * half-written model.
 */
public final class ModelFile {

    static final String GRAPH = "graph.json";
    static final String WEIGHTS = "weights.safetensors";

    private ModelFile() {}

    public static void save(Network net, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".tt-", ".tmp");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
            zip.putNextEntry(new ZipEntry(GRAPH));
            zip.write(GraphJson.write(net.graph()).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(WEIGHTS));
            Safetensors.write(new NonClosing(zip), WeightsIO.tensors(net));
            zip.closeEntry();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static Network load(Path file) throws IOException {
        String graphJson = null;
        Map<String, Tensor> tensors = null;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals(GRAPH)) {
                    graphJson = new String(readAll(zip), StandardCharsets.UTF_8);
                } else if (e.getName().equals(WEIGHTS)) {
                    tensors = Safetensors.read(zip);
                }
            }
        }
        if (graphJson == null || tensors == null) {
            throw new IOException(file + ": not a Tiny Titans model (.tt zip with " + GRAPH + " and " + WEIGHTS + ")");
        }
        Graph g;
        try {
            g = GraphJson.read(graphJson);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        Network net = Network.fromGraph(g);
        try {
            WeightsIO.load(net, tensors, file.toString());
        } catch (IllegalArgumentException e) {
            net.close();
            throw new IOException(e.getMessage(), e);
        }
        return net;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        in.transferTo(b);
        return b.toByteArray();
    }

    /** Lets the safetensors writer write into a zip entry without closing the zip. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) { super(out); }

        @Override
        public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }

        @Override
        public void close() throws IOException { flush(); }
    }
}
