package org.tinytitans.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Entry point of the benchmark suite: {@code BenchMain SUITE OUT.md [options]} writes one Markdown section.
 * bench/run calls each suite in its own JVM (the engine ones need their thread and allocator settings fixed
 * at start-up) and assembles docs/benchmarks.md.
 */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("memory-one")) {
            MemoryBench.one(args[1], Integer.parseInt(args[2]));
            System.exit(0);
        }
        if (args.length < 2) {
            System.err.println("usage: BenchMain editor|startup|engine|criteria|peer|memory|latency-table|search OUT.md [quick]");
            System.exit(2);
        }
        Path repo = Path.of(System.getProperty("titans.repo", ".")).toAbsolutePath().normalize();
        Path work = repo.resolve("bench/target/work");
        boolean quick = Arrays.asList(args).contains("quick");
        String md = switch (args[0]) {
            case "editor" -> new EditorBench(repo, work.resolve("editor"), quick ? 30 : 120, quick ? 10 : 100)
                    .run(quick ? new int[] {100, 1000} : new int[] {100, 1000, 10000});
            case "startup" -> new StartupBench(repo, work.resolve("startup"), quick ? 3 : 10).run();
            case "engine" -> new EngineBench(repo, quick).run();
            case "peer" -> new PeerBench(repo, work.resolve("peer"), quick).run();
            case "criteria" -> new CriteriaBench(repo, quick ? 8 : 64, quick ? 5 : 60).run();
            case "latency-table" -> new LatencyTableBench(quick).run();
            case "search" -> new SearchBench(repo, work.resolve("search")).run();
            case "memory" -> new MemoryBench(repo.resolve("bench/target/titans-bench.jar")).run(quick);
            default -> throw new IllegalArgumentException("unknown suite " + args[0]);
        };
        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md);
        System.err.println("wrote " + out);
        System.exit(0);
    }
}
