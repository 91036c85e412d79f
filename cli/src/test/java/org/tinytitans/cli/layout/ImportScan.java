package org.tinytitans.cli.layout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the Java sources of the modules' {@code src/main/java} as text: each file's package and every name it
 * reaches outside itself, by an import (plain, static or on demand) or by a fully qualified name in the code.
 * Text is enough because a class of another package can be named in no other way; and it sees all modules at
 * once, which a class-path scanner in one module cannot.
 */
final class ImportScan {

    /** One reference: {@code file} (relative to the root) at {@code line} names {@code target} from {@code module}. */
    record Ref(String module, String file, int line, String fromPackage, String target) {
        String where() { return file + ":" + line; }
    }

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+?)(?:\\.\\*)?\\s*;", Pattern.MULTILINE);
    // a qualified name in code that starts like a package: two or more lower-case parts, then more parts
    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w.])((?:ai|org|com|io|info|picocli)(?:\\.[a-z]\\w*)+\\.[A-Z]\\w*)");

    private ImportScan() {}

    /** Scans {@code root/MODULE/src/main/java} for each module name given. */
    static List<Ref> scan(Path root, List<String> modules) {
        List<Ref> refs = new ArrayList<>();
        for (String module : modules) {
            Path sources = root.resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(sources)) {
                throw new IllegalArgumentException("no sources at " + sources);
            }
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    refs.addAll(read(module, root.relativize(f).toString().replace('\\', '/'), Files.readString(f)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return refs;
    }

    static List<Ref> read(String module, String file, String text) {
        Matcher p = PACKAGE.matcher(text);
        String pkg = p.find() ? p.group(1) : "";
        List<Ref> refs = new ArrayList<>();
        Matcher m = IMPORT.matcher(text);
        while (m.find()) {
            refs.add(new Ref(module, file, lineOf(text, m.start()), pkg, m.group(1)));
        }
        String code = blankCommentsAndStrings(text);
        Matcher q = QUALIFIED.matcher(code);
        while (q.find()) {
            int line = lineOf(code, q.start());
            String lineText = code.lines().skip(line - 1).findFirst().orElse("");
            if (!lineText.startsWith("package ") && !lineText.startsWith("import ")) {
                refs.add(new Ref(module, file, line, pkg, q.group(1)));
            }
        }
        return refs;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') line++;
        }
        return line;
    }

    /** Comments and string literals become spaces (newlines kept), so names in prose do not count. */
    private static String blankCommentsAndStrings(String t) {
        StringBuilder sb = new StringBuilder(t);
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            int end;
            if (t.startsWith("//", i)) {
                end = t.indexOf('\n', i);
                end = end < 0 ? t.length() : end;
            } else if (t.startsWith("/*", i)) {
                end = t.indexOf("*/", i + 2);
                end = end < 0 ? t.length() : end + 2;
            } else if (t.startsWith("\"\"\"", i)) {
                end = t.indexOf("\"\"\"", i + 3);
                end = end < 0 ? t.length() : end + 3;
            } else if (c == '"' || c == '\'') {
                end = i + 1;
                while (end < t.length() && t.charAt(end) != c && t.charAt(end) != '\n') {
                    end += t.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, t.length());
            } else {
                i++;
                continue;
            }
            for (int k = i; k < end; k++) {
                if (sb.charAt(k) != '\n') sb.setCharAt(k, ' ');
            }
            i = end;
        }
        return sb.toString();
    }
}
