package org.tinytitans.engine.lm.eval;

/**
 * One answer option: the model scores {@code continuation} given {@code context}. {@code text} is the option
 * as the task states it (without the leading space); acc_norm divides by its UTF-8 byte length.
 */
public record Choice(String context, String continuation, String text) {

    public int byteLength() {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
