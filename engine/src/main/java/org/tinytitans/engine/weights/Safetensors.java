package org.tinytitans.engine.weights;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Our own safetensors reader and writer: 8-byte little-endian header length, a JSON header
 * {@code {name: {dtype, shape, data_offsets}}}, then raw little-endian data. F32, F16, BF16 and I64 are read
 * and widened to float here (BF16 as {@code bits << 16}), because a BF16 NDArray aborts the JVM under
 * DJL 0.36 + PyTorch 2.7.1 CPU. Tensors are read by channel position, so files over 2 GB are fine as long as
 * each tensor fits in a Java array.
 */
public final class Safetensors {

    private static final long MAX_HEADER = 100L * 1024 * 1024;

    private Safetensors() {}

    public static Map<String, Tensor> read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) {
                throw bad(file, "is shorter than the 8-byte header length");
            }
            long headerLen = readFully(ch, 0, 8).getLong();
            if (headerLen <= 0 || headerLen > MAX_HEADER || 8 + headerLen > size) {
                throw bad(file, "declares a header of " + headerLen + " bytes (file has " + size + ")");
            }
            String json = StandardCharsets.UTF_8.decode(readFully(ch, 8, (int) headerLen)).toString();
            JsonObject header;
            try {
                header = JsonParser.parseString(json).getAsJsonObject();
            } catch (RuntimeException e) {
                throw bad(file, "has a malformed JSON header: " + e.getMessage());
            }
            long base = 8 + headerLen;
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> e : header.entrySet()) {
                if (e.getKey().equals("__metadata__")) {
                    continue;
                }
                JsonObject t = e.getValue().getAsJsonObject();
                String dtype = t.get("dtype").getAsString();
                JsonArray sh = t.getAsJsonArray("shape");
                long[] shape = new long[sh.size()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = sh.get(i).getAsLong();
                }
                JsonArray off = t.getAsJsonArray("data_offsets");
                long begin = off.get(0).getAsLong(), end = off.get(1).getAsLong();
                long count = 1;
                for (long d : shape) {
                    count *= d;
                }
                int width = width(file, e.getKey(), dtype);
                if (end - begin != count * width || base + end > size || begin < 0) {
                    throw bad(file, "tensor " + e.getKey() + " has offsets [" + begin + "," + end + ") that do not fit its "
                            + dtype + " shape " + java.util.Arrays.toString(shape));
                }
                if (count > Integer.MAX_VALUE - 8) {
                    throw bad(file, "tensor " + e.getKey() + " has " + count + " values, more than a Java array holds");
                }
                ByteBuffer b = readFully(ch, base + begin, (int) (end - begin));
                out.put(e.getKey(), new Tensor(shape, decode(b, dtype, (int) count)));
            }
            return out;
        }
    }

    private static int width(Path file, String name, String dtype) throws IOException {
        return switch (dtype) {
            case "F32" -> 4;
            case "F16", "BF16" -> 2;
            case "I64", "F64" -> 8;
            default -> throw bad(file, "tensor " + name + " has dtype " + dtype + "; supported: F32, F16, BF16, F64, I64");
        };
    }

    private static float[] decode(ByteBuffer b, String dtype, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (dtype) {
                case "F32" -> b.getFloat();
                case "F16" -> halfToFloat(b.getShort());
                case "BF16" -> Float.intBitsToFloat((b.getShort() & 0xffff) << 16);
                case "F64" -> (float) b.getDouble();
                default -> (float) b.getLong();
            };
        }
        return v;
    }

    /** IEEE 754 binary16 to float (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            float v = mant * 0x1p-24f;
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    private static ByteBuffer readFully(FileChannel ch, long pos, int len) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, pos + b.position()) < 0) {
                throw new IOException("unexpected end of file at byte " + (pos + b.position()));
            }
        }
        return b.flip();
    }

    /** Writes F32 tensors in the given order; the header is padded with spaces to a multiple of 8 bytes. */
    public static void write(OutputStream out, Map<String, Tensor> tensors) throws IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            long bytes = 4L * e.getValue().values().length;
            header.put(e.getKey(), Map.of("dtype", "F32", "shape", e.getValue().shape(), "data_offsets", new long[] {offset, offset + bytes}));
            offset += bytes;
        }
        byte[] json = new Gson().toJson(header).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded);
        out.write(len.array());
        out.write(json);
        out.write(" ".repeat(padded - json.length).getBytes(StandardCharsets.US_ASCII));
        for (Tensor t : tensors.values()) {
            ByteBuffer b = ByteBuffer.allocate(4 * t.values().length).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(t.values());
            out.write(b.array());
        }
    }

    public static void write(Path file, Map<String, Tensor> tensors) throws IOException {
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
            write(out, tensors);
        }
    }

    /** Reads from a stream (e.g. a zip entry) by spooling it to a temporary file. */
    public static Map<String, Tensor> read(InputStream in) throws IOException {
        Path tmp = Files.createTempFile("titans", ".safetensors");
        try {
            Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return read(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static IOException bad(Path file, String what) {
        return new IOException(file + ": not a valid safetensors file: it " + what);
    }
}
