package org.tinytitans.engine.job;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.tinytitans.language.resolve.ExperimentRun;

/** What a search's stored trials were computed for: a changed model, data, block, budget or search setting starts over. */
final class SearchFingerprint {
    private SearchFingerprint() {}

    static String of(ExperimentRun run) {
        String text = String.join("\n", run.model().name(), String.valueOf(run.model().weights()), String.valueOf(run.model().classes()),
                String.valueOf(run.dataset()), String.valueOf(run.prunes()), String.valueOf(run.search()),
                run.expects().stream().map(e -> e.text()).toList().toString(), String.valueOf(run.finetune()), Long.toString(run.seed()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
