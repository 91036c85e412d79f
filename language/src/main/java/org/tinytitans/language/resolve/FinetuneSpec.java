package org.tinytitans.language.resolve;

import java.util.List;
import org.tinytitans.language.ast.Range;

/** Fine-tuning settings with defaults filled in; samples null = the whole train split. */
public record FinetuneSpec(int epochs, double lr, int batch, String optimizer, double momentum, boolean nesterov,
                           double weightDecay, int warmup, String schedule, List<Integer> milestones, double gamma,
                           boolean distill, boolean augment, Integer samples,
                           int loraRank, double loraAlpha, List<String> loraTargets, int maxSteps, Range range) {}
