package org.tinytitans.engine.report;

import java.io.IOException;
import java.nio.file.Path;
import org.tinytitans.engine.files.AtomicFiles;

/**
 * report.html beside a run's result.json: the self-contained HTML report (inline styles and SVG plots), written
 * by every run and by the editor's Open report, through a rename so a viewer never reads half a report.
 */
public final class HtmlReportFile {
    public static final String NAME = "report.html";

    private HtmlReportFile() {}

    /**
     * Renders {@code result} (a result.json, its folder, or the .prune spec it belongs to) and returns the file.
     * Throws ReportException when there is no readable result.
     */
    public static Path write(Path result) throws IOException {
        String html = ReportFormat.HTML.render(ResultReader.read(result));
        Path out = ResultReader.locate(result).toAbsolutePath().getParent().resolve(NAME);
        AtomicFiles.writeString(out, html);
        return out;
    }
}
