package org.tinytitans.engine.vlm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tinytitans.engine.train.Progress;
import org.tinytitans.engine.vit.LlavaModel;

/**
 * Accuracy, image tokens kept, multiply-accumulates and latency per question over a question file, for one or
 * more setups (a model and an optional {@link TokenDrop}) run interleaved question by question, so a busy
 * machine slows them alike and their latencies compare.
 */
public final class VqaEvaluation {
    private VqaEvaluation() {}

    /** A model and how its visual tokens are dropped (null: not at all). */
    public record Setup(LlavaModel model, TokenDrop drop) {}

    /**
     * @param accuracy      fraction of questions whose right option scored highest
     * @param questions     how many were asked
     * @param imageTokens   image tokens per question before any dropping
     * @param keptTokens    image tokens that go on after layer K
     * @param macs          mean multiply-accumulates per question (all options)
     * @param secondsMedian median wall time per question (tower, decoder over every option)
     * @param secondsMin    fastest question
     */
    public record Result(double accuracy, int questions, int imageTokens, int keptTokens, long macs, double secondsMedian,
                         double secondsMin) {}

    /** The questions of {@code file} (first {@code limit}; all when <= 0) with their images. */
    public record Items(List<VisualQuestion> questions, List<float[]> images) {
        public static Items read(Path file, int limit, int channels, int size) throws IOException {
            List<VisualQuestion> qs = VqaFile.read(file, limit);
            Path base = file.toAbsolutePath().getParent();
            VqaImages loader = new VqaImages(base, channels, size);
            List<float[]> images = new ArrayList<>();
            for (VisualQuestion q : qs) {
                images.add(loader.load(q, file));
            }
            return new Items(qs, images);
        }
    }

    public static List<Result> run(List<Setup> setups, Items items, Progress progress) {
        int k = setups.size();
        int n = items.questions().size();
        int[] right = new int[k];
        long[] macs = new long[k];
        int[] kept = new int[k];
        int[] tokens = new int[k];
        double[][] seconds = new double[k][n];
        for (Setup s : setups) { // warm-up: the first pass allocates and picks kernels
            VisualQa.score(s.model(), items.questions().get(0), items.images().get(0), s.drop());
        }
        for (int q = 0; q < n; q++) {
            VisualQuestion question = items.questions().get(q);
            for (int i = 0; i < k; i++) {
                Setup s = setups.get(i);
                long t0 = System.nanoTime();
                VisualQa.Scored r = VisualQa.score(s.model(), question, items.images().get(q), s.drop());
                seconds[i][q] = (System.nanoTime() - t0) / 1e9;
                right[i] += r.best() == question.answer() ? 1 : 0;
                macs[i] += r.macs();
                kept[i] = r.keptTokens();
                tokens[i] = r.imageTokens();
            }
            progress.update("visual questions", q + 1, n, null);
        }
        List<Result> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double[] sorted = seconds[i].clone();
            Arrays.sort(sorted);
            out.add(new Result((double) right[i] / n, n, tokens[i], kept[i], macs[i] / n, sorted[n / 2], sorted[0]));
        }
        return out;
    }
}
