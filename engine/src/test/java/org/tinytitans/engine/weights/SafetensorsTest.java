package org.tinytitans.engine.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {

    @TempDir
    Path tmp;

    /** A file laid out by hand (not by our writer): F16, BF16 and I64 tensors. */
    @Test
    void readsHandWrittenHalfBfloatAndLongTensors() throws Exception {
        String header = "{\"__metadata__\":{\"by\":\"hand\"},"
                + "\"h\":{\"dtype\":\"F16\",\"shape\":[3],\"data_offsets\":[0,6]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[1,2],\"data_offsets\":[6,10]},"
                + "\"l\":{\"dtype\":\"I64\",\"shape\":[2],\"data_offsets\":[10,26]}}";
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + 26).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(json.length).put(json);
        b.putShort((short) 0x3C00).putShort((short) 0xC000).putShort((short) 0x3800); // 1, -2, 0.5
        b.putShort((short) 0x3F80).putShort((short) 0xC060);                         // 1, -3.5
        b.putLong(5).putLong(-7);
        Path f = tmp.resolve("hand.safetensors");
        Files.write(f, b.array());
        Map<String, Tensor> t = Safetensors.read(f);
        assertEquals(3, t.size());
        assertArrayEquals(new float[] {1f, -2f, 0.5f}, t.get("h").values());
        assertArrayEquals(new long[] {1, 2}, t.get("b").shape());
        assertArrayEquals(new float[] {1f, -3.5f}, t.get("b").values());
        assertArrayEquals(new float[] {5f, -7f}, t.get("l").values());
    }

    @Test
    void writerOutputIsAlignedAndReadsBack() throws Exception {
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("a.weight", new Tensor(new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6}));
        t.put("a.bias", new Tensor(new long[] {2}, new float[] {-1.5f, 0.25f}));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Safetensors.write(out, t);
        byte[] bytes = out.toByteArray();
        long headerLen = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, headerLen % 8);
        assertEquals(8 + headerLen + 4 * 8, bytes.length);
        Path f = tmp.resolve("w.safetensors");
        Files.write(f, bytes);
        Map<String, Tensor> back = Safetensors.read(f);
        assertArrayEquals(t.get("a.weight").values(), back.get("a.weight").values());
        assertArrayEquals(new long[] {2, 3}, back.get("a.weight").shape());
        assertArrayEquals(t.get("a.bias").values(), back.get("a.bias").values());
    }

    @Test
    void halfPrecisionEdgeCases() {
        assertEquals(65504f, Safetensors.halfToFloat((short) 0x7BFF));
        assertEquals(5.9604645e-8f, Safetensors.halfToFloat((short) 0x0001));
        assertTrue(Float.isInfinite(Safetensors.halfToFloat((short) 0xFC00)));
        assertEquals(-0f, Safetensors.halfToFloat((short) 0x8000));
    }

    @Test
    void brokenFilesGiveClearErrors() throws Exception {
        Path f = tmp.resolve("bad.safetensors");
        Files.write(f, new byte[] {1, 2, 3});
        var e = assertThrows(java.io.IOException.class, () -> Safetensors.read(f));
        assertTrue(e.getMessage().contains("bad.safetensors") && e.getMessage().contains("shorter"), e.getMessage());
        byte[] json = "{\"x\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,8]}}".getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + 8).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length).put(json);
        Files.write(f, b.array());
        e = assertThrows(java.io.IOException.class, () -> Safetensors.read(f));
        assertTrue(e.getMessage().contains("tensor x has offsets"), e.getMessage());
    }
}
