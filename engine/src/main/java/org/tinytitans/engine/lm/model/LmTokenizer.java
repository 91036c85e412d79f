package org.tinytitans.engine.lm.model;

/** Text to token ids and back. */
public interface LmTokenizer {

    long[] encode(String text);

    String decode(long[] ids);

    /** A short description for results and logs, e.g. "bytes" or "tokenizer.json". */
    String kind();
}
