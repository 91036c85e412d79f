package org.tinytitans.engine.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExitCodesTest {
    @Test
    void statusesOfSignalsNameTheSignalAndTheLikelyCause() {
        assertEquals("exit code 137 (killed by signal 9, e.g. out of memory or kill -9)", ExitCodes.describe(137));
        assertEquals("exit code 139 (killed by signal 11, segmentation fault (native crash))", ExitCodes.describe(139));
        assertEquals("exit code 143 (killed by signal 15, terminated)", ExitCodes.describe(143));
        assertEquals("exit code 3", ExitCodes.describe(ExitCodes.JOB_FAILED));
        assertEquals("exit code 255", ExitCodes.describe(255));
    }
}
