package org.tinytitans.cli;

import java.nio.file.Path;
import org.tinytitans.engine.report.ReportException;
import org.tinytitans.engine.report.ResultReader;
import org.tinytitans.engine.report.RunResult;

/** Reads a result for a command: a result.json, a .titans/STEM/ folder or a spec; problems are usage errors. */
final class ResultFiles {
    private ResultFiles() {}

    static RunResult read(Path path) {
        try {
            return ResultReader.read(path);
        } catch (ReportException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
