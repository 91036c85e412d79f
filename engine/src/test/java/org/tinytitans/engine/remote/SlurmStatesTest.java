package org.tinytitans.engine.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tinytitans.language.resolve.TargetSpec;

class SlurmStatesTest {
    static final TargetSpec GPU = new TargetSpec("slurm", "gpu", null, null, null, null, 1, 4, 16L << 30, "01:00:00", null, null);

    @Test
    void sacctLinesAndScontrolRecords() {
        assertEquals(List.of("COMPLETED", "CANCELLED", "RUNNING"), SlurmStates.fromSacct("COMPLETED\nCANCELLED by 0\nRUNNING\n\n"));
        String scontrol = """
                JobId=7 ArrayJobId=7 ArrayTaskId=0 JobName=titans-q
                   JobState=TIMEOUT Reason=TimeLimit Dependency=(null)
                JobId=8 ArrayJobId=7 ArrayTaskId=1 JobName=titans-q
                   JobState=COMPLETED Reason=None Dependency=(null)
                """;
        assertEquals(List.of("TIMEOUT", "COMPLETED"), SlurmStates.fromScontrol(scontrol));
        assertEquals(List.of(), SlurmStates.fromScontrol("slurm_load_jobs error: Invalid job id specified"));
    }

    @Test
    void activeAndWorst() {
        assertTrue(SlurmStates.active(List.of("COMPLETED", "PENDING")));
        assertFalse(SlurmStates.active(List.of("COMPLETED", "FAILED")));
        assertEquals("OUT_OF_MEMORY", SlurmStates.worst(List.of("COMPLETED", "OUT_OF_MEMORY", "FAILED")));
        assertEquals("COMPLETED", SlurmStates.worst(List.of("COMPLETED", "COMPLETED")));
        assertNull(SlurmStates.worst(List.of()));
    }

    @Test
    void eachFailureSaysWhatToDo() {
        assertTrue(SlurmStates.describe("TIMEOUT", "12", GPU, false).contains("time \"01:00:00\"): raise `time`"));
        assertTrue(SlurmStates.describe("OUT_OF_MEMORY", "12", GPU, false).contains("mem 16384 MiB): raise `mem`"));
        assertTrue(SlurmStates.describe("NODE_FAIL", "12", GPU, false).contains("run it again"));
        assertTrue(SlurmStates.describe("CANCELLED", "12", GPU, false).contains("outside Tiny Titans"));
        assertEquals("Slurm job 12 was cancelled", SlurmStates.describe("CANCELLED", "12", GPU, true));
        assertTrue(SlurmStates.describe("FAILED", "12", GPU, false).contains("slurm-12"));
        assertNull(SlurmStates.describe("COMPLETED", "12", GPU, false));
        assertNull(SlurmStates.describe(null, "12", GPU, false));
    }
}
