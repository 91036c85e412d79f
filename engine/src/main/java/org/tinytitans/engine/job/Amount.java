package org.tinytitans.engine.job;

import org.tinytitans.language.resolve.PruneSpec;

/** How a prune block says how much to remove, in words: "prune weights wanda 2:4", "prune layers l1 count 2". */
final class Amount {

    private Amount() {}

    static String label(PruneSpec p) {
        String amount;
        if (p.pattern() != null) {
            amount = p.pattern().toString();
        } else if (p.count() != null) {
            amount = "count " + p.count();
        } else if (p.auto()) {
            amount = "auto";
        } else if (!p.layers().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            p.layerRatios().forEach((l, r) -> sb.append(sb.length() == 0 ? "" : ", ").append(l).append(' ').append(ExpectJudge.fmt(r * 100)).append('%'));
            amount = (p.ratio() != null && p.ratio() > 0 ? ExpectJudge.fmt(p.ratio() * 100) + "%, " : "") + sb;
        } else if (p.ratio() != null) {
            amount = ExpectJudge.fmt(p.ratio() * 100) + "%";
        } else {
            amount = "";
        }
        return ("prune " + p.granularity() + " " + p.criterion() + " " + amount).trim();
    }
}
