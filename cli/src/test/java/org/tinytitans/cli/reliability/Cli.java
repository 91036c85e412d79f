package org.tinytitans.cli.reliability;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.tinytitans.cli.TitansCli;
import picocli.CommandLine;

/**
 * One CLI invocation in this JVM, as a shell would see it: exit code, stdout and stderr (picocli's writers and
 * System.out/err both), under a time limit so a command that hangs on its input fails instead of blocking.
 */
record Cli(String[] args, int exitCode, String out, String err) {
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w.$/]+\\(|Exception in thread|Caused by: ");
    private static final ExecutorService RUNNER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "cli-case");
        t.setDaemon(true);
        return t;
    });

    static synchronized Cli run(String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream sysOut = new ByteArrayOutputStream();
        ByteArrayOutputStream sysErr = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(sysOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(sysErr, true, StandardCharsets.UTF_8));
        try {
            Future<Integer> code = RUNNER.submit(() -> {
                CommandLine cl = TitansCli.commandLine();
                cl.setOut(new PrintWriter(out, true));
                cl.setErr(new PrintWriter(err, true));
                return cl.execute(args);
            });
            try {
                int exit = code.get(60, TimeUnit.SECONDS);
                return new Cli(args, exit, out + sysOut.toString(StandardCharsets.UTF_8), err + sysErr.toString(StandardCharsets.UTF_8));
            } catch (TimeoutException e) {
                code.cancel(true);
                throw new AssertionError("titans-cli " + String.join(" ", args) + " hung for 60 s");
            }
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    boolean hasStackTrace() {
        return STACK_FRAME.matcher(out).find() || STACK_FRAME.matcher(err).find();
    }

    String show() {
        String o = out.length() > 1500 ? out.substring(0, 1500) + "..." : out;
        String e = err.length() > 1500 ? err.substring(0, 1500) + "..." : err;
        return "titans-cli " + String.join(" ", args) + "\n-> exit " + exitCode + "\nstdout:\n" + o + "\nstderr:\n" + e;
    }
}
