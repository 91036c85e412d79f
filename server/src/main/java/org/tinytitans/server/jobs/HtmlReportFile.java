package org.tinytitans.server.jobs;

import java.io.IOException;
import java.nio.file.Path;

/** The HTML report behind titans.openReport: the engine's report.html beside the run's result.json. */
public final class HtmlReportFile {
    public static final String NAME = org.tinytitans.engine.report.HtmlReportFile.NAME;

    private HtmlReportFile() {}

    /** Renders {@code result} (a result.json, its folder, or the .prune spec) and returns the written file. */
    public static Path write(Path result) throws IOException {
        return org.tinytitans.engine.report.HtmlReportFile.write(result);
    }
}
