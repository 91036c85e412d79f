package org.tinytitans.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The launchers at the repository root, which the distributions carry too: ./titans-cli (Linux, and macOS with its
 * /bin/bash 3.2 and BSD tools) and titans-cli.cmd (Windows). Only Linux runs here, so their text is what is
 * checked; tests/e2e/cli-dist.sh runs the bash one from an unpacked distribution.
 */
class LaunchersTest {
    private static final Path ROOT = Path.of("..");

    private static String read(String name) throws IOException {
        return Files.readString(ROOT.resolve(name), StandardCharsets.UTF_8);
    }

    /** The -D options each launcher passes to java: both must run the same JVM. */
    private static Set<String> systemProperties(String javaLine) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("(?<=\\s)-D[\\w.]+=\\S+").matcher(javaLine);
        while (m.find()) found.add(m.group());
        return found;
    }

    private static String lineWith(String text, String needle) {
        return text.lines().filter(l -> l.contains(needle) && !l.strip().startsWith("rem ") && !l.strip().startsWith("#"))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no line with " + needle));
    }

    @Test
    void theWindowsLauncherRunsTheJarBesideItOrTheRepositorysWithAllArguments() throws IOException {
        String cmd = read("titans-cli.cmd");
        assertTrue(cmd.startsWith("@echo off\r\n"), "a batch file that does not echo its commands");
        assertTrue(cmd.replace("\r\n", "").indexOf('\n') < 0, "CRLF line endings throughout (cmd.exe misreads labels and blocks otherwise)");
        // the distribution's jar beside the file, else the repository's build
        assertTrue(cmd.contains("if exist \"%TITANS_ROOT%titans-cli.jar\" (\r\n  set \"TITANS_JAR=%TITANS_ROOT%titans-cli.jar\""), cmd);
        assertTrue(cmd.contains("set \"TITANS_JAR=%TITANS_ROOT%cli\\target\\titans-cli.jar\""), cmd);
        assertTrue(cmd.contains("set \"TITANS_ROOT=%~dp0\""), "paths relative to the file, not the current folder");
        assertTrue(cmd.contains("call mvnw.cmd -B -q -DskipTests -pl cli -am package"), "builds the CLI as ./titans-cli does");
        assertTrue(cmd.contains("if defined JAVA_HOME if exist \"%JAVA_HOME%\\bin\\java.exe\" set \"TITANS_JAVA=%JAVA_HOME%\\bin\\java.exe\""));
        String java = lineWith(cmd, "-jar");
        assertEquals("\"%TITANS_JAVA%\" %TITANS_CDS% %TITANS_JAVA_OPTS% -jar \"%TITANS_JAR%\" %*", java.strip(),
                "java with the language server's archive options (lsp only), the options, the jar and every argument as given");
        assertTrue(cmd.contains(java + "\r\nexit /b %ERRORLEVEL%"), "the exit code (0 ok, 1 expect failed, 2, 3) reaches the caller");
        assertEquals(systemProperties(lineWith(read("titans-cli"), "-jar \"$jar\" \"$@\"")), systemProperties(java),
                "both launchers start the same JVM");
    }

    @Test
    void theWindowsLauncherReportsAMissingJarInsteadOfStartingJava() throws IOException {
        String cmd = read("titans-cli.cmd");
        int missing = cmd.indexOf("echo titans-cli: %TITANS_JAR% is missing");
        int build = cmd.indexOf("echo titans-cli: the build failed");
        int java = cmd.indexOf("\"%TITANS_JAVA%\"");
        assertTrue(missing > 0 && build > 0 && missing < java && build < java, cmd);
        assertEquals(2, cmd.split("exit /b 2", -1).length - 1, "usage/unreadable-input exit code 2 for both");
    }

    @Test
    void theBashLauncherAvoidsWhatMacOsBash32AndBsdToolsLack() throws IOException {
        String sh = read("titans-cli");
        assertTrue(sh.startsWith("#!/usr/bin/env bash\n"));
        assertTrue(sh.indexOf('\r') < 0, "LF line endings");
        List<String> problems = new ArrayList<>();
        // arrays that can be empty: "${a[@]}" of an empty array is 'unbound variable' under set -u before bash 4.4
        Matcher empty = Pattern.compile("(?m)^\\s*(\\w+)=\\(\\)").matcher(sh);
        while (empty.find()) {
            String a = empty.group(1);
            String guarded = sh.replace("${" + a + "[@]+\"${" + a + "[@]}\"}", "");
            if (guarded.contains("${" + a + "[@]}")) problems.add("unguarded expansion of the possibly empty array " + a);
        }
        String code = sh.lines().filter(l -> !l.strip().startsWith("#")).reduce("", (a, b) -> a + b + "\n");
        for (String[] bad : new String[][] {
                { "declare -A", "associative arrays (bash 4)" }, { "mapfile", "mapfile (bash 4)" }, { "readarray", "readarray (bash 4)" },
                { ",,}", "case conversion (bash 4)" }, { "^^}", "case conversion (bash 4)" }, { "&>>", "&>> (bash 4)" },
                { "|&", "|& (bash 4)" }, { "readlink -f", "GNU readlink -f" }, { "stat -c", "GNU stat -c" },
                { "date -d", "GNU date -d" }, { "-printf", "GNU find -printf" }, { "sed -i", "sed -i (differs on BSD)" },
                { "head -1", "head -1 (use head -n 1)" }, { "tail -3", "tail -N (use tail -n N)" }, { "grep -P", "GNU grep -P" } }) {
            if (code.contains(bad[0])) problems.add(bad[1]);
        }
        if (Pattern.compile("tail -\\d").matcher(code).find()) problems.add("tail -N (use tail -n N)");
        assertEquals(List.of(), problems);
        assertTrue(code.contains("exec \"$java_bin\" ${cds[@]+\"${cds[@]}\"} ${TITANS_JAVA_OPTS:-} -jar \"$jar\" \"$@\""),
                "java with the optional archive, the options, the jar and every argument as given");
    }

    @Test
    void bothLaunchersStartTheLanguageServerWithItsOwnArchiveAndNoBuildOnTheWay() throws IOException {
        String sh = read("titans-cli");
        assertTrue(sh.contains("lsp_jsa=\"$home/titans-cli-lsp.jsa\""), "the server's archive beside the jar");
        assertTrue(sh.contains("[ -f \"$lsp_jsa\" ] && cds=(-XX:SharedArchiveFile=\"$lsp_jsa\" \"${cds_log[@]}\")"),
                "mapped when it exists, its warnings on stderr");
        assertTrue(sh.contains("[ -w \"$home\" ] && cds+=(-Dtitans.cds.archive=\"$lsp_jsa\")"), "named for the server to make it");
        assertTrue(sh.contains("rm -f \"$jsa\" \"$lsp_jsa\""), "a build outdates both archives");
        // a stale jar is used as it is for lsp; the freshness check runs beside the server, off stdout
        assertTrue(sh.contains("if [ \"$dev\" = 1 ] && [ \"$lsp\" = 1 ] && [ -f \"$jar\" ]; then\n  ( needs_build && echo"), sh);
        assertTrue(sh.contains(">&2 ) </dev/null >/dev/null &"), "the background check never writes to stdout (JSON-RPC)");
        String cmd = read("titans-cli.cmd");
        assertTrue(cmd.contains("set \"TITANS_JSA=%%~dpFtitans-cli-lsp.jsa\""), cmd);
        assertTrue(cmd.contains("-XX:SharedArchiveFile=\"%TITANS_JSA%\" -Xlog:disable -Xlog:all=warning:stderr"), cmd);
        assertTrue(cmd.contains("-Dtitans.cds.archive=\"%TITANS_JSA%\""), cmd);
    }

    @Test
    void onlyAPlainLspCallSkipsPicocli() {
        assertTrue(TitansCli.isLspCall(new String[] {"lsp"}));
        assertTrue(TitansCli.isLspCall(new String[] {"--offline", "lsp", "--verbose"}));
        assertTrue(!TitansCli.isLspCall(new String[] {"lsp", "--help"}), "help goes through picocli");
        assertTrue(!TitansCli.isLspCall(new String[] {"check", "lsp"}));
        assertTrue(!TitansCli.isLspCall(new String[] {"lsp", "lsp"}));
        assertTrue(!TitansCli.isLspCall(new String[] {}));
    }

    @Test
    void bothLaunchersRunTheDistributionJarBesideThemBeforeLookingForARepository() throws IOException {
        String sh = read("titans-cli");
        assertTrue(sh.contains("if [ -f \"$root/titans-cli.jar\" ]; then\n  home=\"$root\"; dev=0"), "distribution layout first");
        assertTrue(sh.contains("home=\"$root/cli/target\"; dev=1"));
        assertTrue(sh.contains("if [ \"$dev\" = 1 ] && needs_build; then"), "a distribution never tries to build");
    }
}
