package org.tinytitans.server.jobs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.tinytitans.engine.report.ReportFormat;
import org.tinytitans.engine.report.ResultReader;

/**
 * The HTML report behind titans.openReport: the engine's self-contained report (inline styles and SVG plots)
 * rendered from a run's result.json and written beside it, so an editor can show it as a file.
 */
public final class HtmlReportFile {
    public static final String NAME = "report.html";

    private HtmlReportFile() {}

    /**
     * Renders {@code result} (a result.json, its folder, or the .prune spec it belongs to) into report.html
     * beside the result.json and returns that file. Written through a rename, so a viewer never reads half a
     * report. Throws the engine's ReportException when there is no readable result.
     */
    public static Path write(Path result) throws IOException {
        String html = ReportFormat.HTML.render(ResultReader.read(result));
        Path out = ResultReader.locate(result).toAbsolutePath().getParent().resolve(NAME);
        Path tmp = Files.createTempFile(out.getParent(), ".report", ".tmp");
        try {
            Files.writeString(tmp, html, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return out;
    }
}
