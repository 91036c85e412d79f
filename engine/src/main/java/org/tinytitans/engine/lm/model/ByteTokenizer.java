package org.tinytitans.engine.lm.model;

import java.nio.charset.StandardCharsets;

/** The fallback when a checkpoint has no tokenizer.json: one token per UTF-8 byte (ids 0..255). */
public final class ByteTokenizer implements LmTokenizer {

    @Override
    public long[] encode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        long[] ids = new long[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            ids[i] = bytes[i] & 0xff;
        }
        return ids;
    }

    @Override
    public String decode(long[] ids) {
        byte[] bytes = new byte[ids.length];
        for (int i = 0; i < ids.length; i++) {
            bytes[i] = (byte) ids[i];
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public String kind() { return "bytes"; }
}
