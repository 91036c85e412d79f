package org.tinytitans.engine.lm.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.tinytitans.engine.lm.model.LanguageModel;
import org.tinytitans.engine.train.Progress;

/**
 * Zero-shot multiple-choice accuracy, scored by log-likelihood as lm-evaluation-harness does: acc takes the
 * option with the highest summed log-probability, acc_norm the highest per UTF-8 byte of the option's text.
 * Ties go to the first option (numpy's argmax).
 */
public final class ZeroShot {
    private ZeroShot() {}

    /** The facade for the job runner: {@code task} is hellaswag|arc|piqa|winogrande, or null/"auto" to infer. */
    public static Accuracy evaluate(LanguageModel model, Path file, String task, int limit) throws IOException {
        return evaluate(model, file, task, limit, Progress.NONE);
    }

    public static Accuracy evaluate(LanguageModel model, Path file, String task, int limit, Progress progress) throws IOException {
        TaskFile.Items items = TaskFile.read(file, task, limit);
        return evaluate(new ModelScorer(model), items.questions(), items.format().id(), progress);
    }

    public static Accuracy evaluate(Scorer scorer, List<Question> questions, String task, Progress progress) {
        int right = 0;
        int rightNorm = 0;
        for (int q = 0; q < questions.size(); q++) {
            Question question = questions.get(q);
            List<Choice> choices = question.choices();
            double[] ll = new double[choices.size()];
            double[] perByte = new double[choices.size()];
            for (int i = 0; i < choices.size(); i++) {
                Choice c = choices.get(i);
                ll[i] = scorer.logLikelihood(c.context(), c.continuation());
                perByte[i] = ll[i] / Math.max(1, c.byteLength());
            }
            right += argmax(ll) == question.gold() ? 1 : 0;
            rightNorm += argmax(perByte) == question.gold() ? 1 : 0;
            progress.update("zero-shot " + task, q + 1, questions.size(), null);
        }
        int n = questions.size();
        return new Accuracy(task, n == 0 ? 0 : (double) right / n, n == 0 ? 0 : (double) rightNorm / n, n);
    }

    static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
