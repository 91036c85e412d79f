package org.tinytitans.language.resolve;

import java.util.Optional;

/**
 * An N:M sparsity pattern: in every group of {@code group} consecutive weights at most {@code keep} stay non-zero
 * (2:4 keeps two of every four). Parsed once, by the resolver; the engine uses the numbers as they are.
 */
public record Pattern(int keep, int group) {
    public Pattern {
        if (keep < 1 || keep >= group) {
            throw new IllegalArgumentException("pattern " + keep + ":" + group + " must keep N of M weights with 1 <= N < M");
        }
    }

    /** "2:4" as a pattern; empty when the text is not N:M with 1 <= N < M. */
    public static Optional<Pattern> parse(String text) {
        String[] nm = text.trim().split(":");
        if (nm.length != 2) return Optional.empty();
        try {
            int n = Integer.parseInt(nm[0].trim());
            int m = Integer.parseInt(nm[1].trim());
            return n >= 1 && n < m ? Optional.of(new Pattern(n, m)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The fraction of weights the pattern zeroes: 2:4 zeroes 0.5. */
    public double ratio() {
        return 1 - (double) keep / group;
    }

    @Override
    public String toString() {
        return keep + ":" + group;
    }
}
