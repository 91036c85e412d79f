package org.tinytitans.engine.lm.train;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code --name value} command lines of the shipped models' trainers (tiny LM, tiny ViT, tiny VLM). */
public final class NamedArgs {
    private NamedArgs() {}

    /** Name (without the dashes) to value, in order; anything but pairs is refused. */
    public static Map<String, String> parse(String[] args) {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
            }
            a.put(args[i].substring(2), args[++i]);
        }
        return a;
    }
}
