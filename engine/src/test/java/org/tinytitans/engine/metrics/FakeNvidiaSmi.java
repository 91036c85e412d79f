package org.tinytitans.engine.metrics;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A canned nvidia-smi: answers each query with the next CSV queued for the first field that differs, in the
 * format of driver 580 (which rejects total_energy_consumption with exit 2).
 */
final class FakeNvidiaSmi implements CommandRunner {
    static final String NO_COUNTER = "Field \"total_energy_consumption\" is not a valid field to query.\n";

    private final Deque<String> energy = new ArrayDeque<>();
    private final Deque<String> power = new ArrayDeque<>();
    private final Deque<String> memory = new ArrayDeque<>();
    private String apps = "";
    private boolean counterSupported;
    final List<List<String>> calls = new ArrayList<>();

    /** Queues "index, name, power" CSV rows, one answer per call. */
    FakeNvidiaSmi power(String... answers) {
        power.addAll(List.of(answers));
        return this;
    }

    /** Makes the counter field valid and queues its answers (without header: the fake adds it). */
    FakeNvidiaSmi energy(String... answers) {
        counterSupported = true;
        energy.addAll(List.of(answers));
        return this;
    }

    FakeNvidiaSmi memory(String... answers) {
        memory.addAll(List.of(answers));
        return this;
    }

    FakeNvidiaSmi apps(String csv) {
        apps = csv;
        return this;
    }

    @Override
    public Result run(List<String> command) {
        calls.add(command);
        String q = command.get(1);
        if (q.startsWith("--query-compute-apps")) {
            return new Result(0, apps);
        }
        if (q.contains("total_energy_consumption")) {
            if (!counterSupported) {
                return new Result(2, NO_COUNTER);
            }
            return new Result(0, "index, name, total_energy_consumption [mJ]\n" + next(energy));
        }
        if (q.contains("power.draw")) {
            return new Result(0, next(power));
        }
        return new Result(0, next(memory));
    }

    private static String next(Deque<String> answers) {
        return answers.size() > 1 ? answers.poll() : answers.isEmpty() ? "" : answers.peek();
    }

    /** A runner for a machine without nvidia-smi. */
    static CommandRunner missing() {
        return command -> {
            throw new IOException("Cannot run program \"nvidia-smi\": error=2, No such file or directory");
        };
    }
}
