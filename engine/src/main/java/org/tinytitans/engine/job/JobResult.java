package org.tinytitans.engine.job;

import com.google.gson.JsonObject;
import java.nio.file.Path;

/** What a job ends with: its exit code ({@link ExitCodes}), the result file and the result document (null when none was written). */
public record JobResult(int exitCode, Path resultFile, JsonObject result) {
}
