package org.tinytitans.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcTest {

    @Test
    void readsUsedHeapFromJcmdHeapInfo() {
        String g1 = "12345:\n garbage-first heap   total 262144K, used 17715K [0x00000000c0000000, 0x0000000100000000)\n"
                + "  region size 1024K, 3 young (3072K), 0 survivors (0K)\n";
        assertEquals(17715 / 1024.0, Proc.usedHeap(g1), 1e-9);
        assertTrue(Double.isNaN(Proc.usedHeap("no heap here")));
    }

    @Test
    void readsOwnResidentSet() {
        long pid = ProcessHandle.current().pid();
        double rss = Proc.rssMb(pid), peak = Proc.peakRssMb(pid);
        assertTrue(rss > 1, "a JVM uses more than 1 MiB: " + rss);
        assertTrue(peak >= rss, "peak " + peak + " below current " + rss);
    }
}
