package org.tinytitans.engine.job;

import com.google.gson.JsonObject;
import java.nio.file.Path;

/** What a job ends with: the CLI's exit code, the result file and the result document (null when none was written). */
public record JobResult(int exitCode, Path resultFile, JsonObject result) {

    public static final int OK = 0;
    public static final int EXPECT_FAILED = 1;
    public static final int JOB_FAILED = 3;
}
