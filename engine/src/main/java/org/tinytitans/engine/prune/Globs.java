package org.tinytitans.engine.prune;

import java.util.List;
import java.util.regex.Pattern;

/** Layer-name globs of {@code exclude}: {@code *} any run of characters, {@code ?} one character. */
public final class Globs {

    private final List<Pattern> patterns;

    private Globs(List<Pattern> patterns) { this.patterns = patterns; }

    public static Globs of(List<String> globs) {
        return new Globs(globs == null ? List.of() : globs.stream().map(Globs::compile).toList());
    }

    /** True when the name, or a dotted prefix of it (a block excludes its layers), matches a glob. */
    public boolean matches(String name) {
        for (Pattern p : patterns) {
            String n = name;
            while (true) {
                if (p.matcher(n).matches()) {
                    return true;
                }
                int dot = n.lastIndexOf('.');
                if (dot < 0) {
                    break;
                }
                n = n.substring(0, dot);
            }
        }
        return false;
    }

    private static Pattern compile(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
