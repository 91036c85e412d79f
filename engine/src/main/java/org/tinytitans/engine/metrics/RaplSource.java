package org.tinytitans.engine.metrics;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU package (or DRAM) energy from the Linux powercap RAPL counters ({@code energy_uj}, microjoules).
 * Package domains are summed across sockets and dies; core/uncore (sub-domains of the package) and psys are
 * skipped so nothing is counted twice; a domain seen through both MMIO and MSR is kept once (the MMIO copy).
 * A counter that went down wrapped at {@code max_energy_range_uj}; the meter polls often enough that it
 * cannot wrap twice between two reads.
 */
public final class RaplSource implements EnergySource {

    public static final List<Path> DEFAULT_ROOTS =
            List.of(Path.of("/sys/class/powercap"), Path.of("/sys/devices/virtual/powercap"));

    /** Which domains to read: the CPU packages, or DRAM for the RAM line. */
    public enum Kind {
        PACKAGE("cpu", EnergyMethod.RAPL), DRAM("ram", EnergyMethod.RAPL_DRAM);

        final String component;
        final EnergyMethod method;

        Kind(String component, EnergyMethod method) {
            this.component = component;
            this.method = method;
        }

        boolean wants(String domainName) {
            return this == PACKAGE ? domainName.startsWith("package") : domainName.startsWith("dram");
        }
    }

    static final String PERMISSION_HINT = "RAPL energy counters exist but are not readable (%s: permission denied;"
            + " since CVE-2020-8694 they are root-only), so CPU energy is estimated instead. To measure it: "
            + "`sudo chmod a+r /sys/class/powercap/intel-rapl:*/energy_uj` (until reboot), a sysfsutils rule "
            + "`mode class/powercap/intel-rapl:0/energy_uj = 0444`, or in Docker "
            + "`-v /sys/class/powercap:/sys/class/powercap:ro`.";

    private static final class Domain {
        final String name;
        final Path energyFile;
        final long maxRangeUj;
        long lastUj;
        long totalUj;

        Domain(String name, Path energyFile, long maxRangeUj, long firstUj) {
            this.name = name;
            this.energyFile = energyFile;
            this.maxRangeUj = maxRangeUj;
            this.lastUj = firstUj;
        }
    }

    private final Kind kind;
    private final List<Domain> domains;
    private final SysfsReader reader;
    private final String scope;

    private RaplSource(Kind kind, List<Domain> domains, SysfsReader reader) {
        this.kind = kind;
        this.domains = domains;
        this.reader = reader;
        this.scope = "machine: " + domains.stream().map(d -> d.name).collect(Collectors.joining(" + "))
                + (kind == Kind.PACKAGE ? " (CPU packages only; no PSU, board, fans, GPU)" : "");
    }

    /**
     * Opens the wanted domains under the roots; empty when there are none or they cannot be read. A
     * permission problem is reported once through {@code notes} with the fix, never thrown.
     */
    public static Optional<RaplSource> open(List<Path> roots, SysfsReader reader, Kind kind, Consumer<String> notes) {
        Map<String, Path> byName = new LinkedHashMap<>();
        for (Path zone : zones(roots)) {
            String name;
            try {
                name = reader.read(zone.resolve("name"));
            } catch (IOException e) {
                continue; // a zone without a readable name is not one we can label
            }
            if (!kind.wants(name)) {
                continue;
            }
            Path known = byName.get(name);
            boolean mmio = zone.getFileName().toString().contains("mmio");
            if (known == null || mmio) {
                byName.put(name, zone);
            }
        }
        List<Domain> domains = new ArrayList<>();
        for (Map.Entry<String, Path> e : byName.entrySet()) {
            Path energy = e.getValue().resolve("energy_uj");
            try {
                long first = Long.parseLong(reader.read(energy));
                long max = readMax(reader, e.getValue());
                domains.add(new Domain(e.getKey(), energy, max, first));
            } catch (AccessDeniedException denied) {
                notes.accept(String.format(PERMISSION_HINT, energy));
                return Optional.empty();
            } catch (IOException | NumberFormatException unreadable) {
                String msg = String.valueOf(unreadable.getMessage());
                if (msg.contains("Permission denied")) {
                    notes.accept(String.format(PERMISSION_HINT, energy));
                    return Optional.empty();
                }
                notes.accept("RAPL domain " + e.getKey() + " at " + energy + " is unreadable (" + msg + "); skipped.");
            }
        }
        return domains.isEmpty() ? Optional.empty() : Optional.of(new RaplSource(kind, domains, reader));
    }

    private static long readMax(SysfsReader reader, Path zone) {
        try {
            return Long.parseLong(reader.read(zone.resolve("max_energy_range_uj")));
        } catch (IOException | NumberFormatException e) {
            return 0; // unknown range: a decrease is then taken as a reset, not a wrap
        }
    }

    /** Zone directories (intel-rapl:N, intel-rapl:N:M, intel-rapl-mmio:N) up to three levels below each root. */
    private static List<Path> zones(List<Path> roots) {
        List<Path> found = new ArrayList<>();
        for (Path root : roots) {
            collect(root, 0, found);
        }
        return found;
    }

    private static void collect(Path dir, int depth, List<Path> found) {
        if (depth > 3 || !Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.sorted().toList()) {
                String name = child.getFileName().toString();
                if (!name.startsWith("intel-rapl") && !name.startsWith("amd-rapl")) {
                    continue;
                }
                if (Files.exists(child.resolve("energy_uj"))) {
                    found.add(child);
                }
                collect(child, depth + 1, found);
            }
        } catch (IOException e) {
            // an unlistable directory simply holds no zones we can use
        }
    }

    /** Microjoules between two counter values, allowing one wrap at maxRange. */
    static long deltaUj(long previous, long now, long maxRange) {
        if (now >= previous) {
            return now - previous;
        }
        return maxRange > 0 ? now + maxRange - previous : now;
    }

    @Override
    public String component() {
        return kind.component;
    }

    @Override
    public synchronized void poll(long nanoTime) {
        for (Domain d : domains) {
            try {
                long now = Long.parseLong(reader.read(d.energyFile));
                d.totalUj += deltaUj(d.lastUj, now, d.maxRangeUj);
                d.lastUj = now;
            } catch (IOException | NumberFormatException e) {
                // skipped sample: the next successful read covers the interval
            }
        }
    }

    @Override
    public synchronized double joules() {
        long uj = 0;
        for (Domain d : domains) {
            uj += d.totalUj;
        }
        return uj / 1e6;
    }

    @Override
    public EnergyReading reading(double deltaJoules, Duration over) {
        return EnergyReading.of(deltaJoules, kind.method, scope);
    }

    public List<String> domainNames() {
        return domains.stream().map(d -> d.name).toList();
    }
}
