package org.tinytitans.engine.report;

import java.util.Locale;

/** The formats {@code titans-cli report} writes, each with the file extension of its default output. */
public enum ReportFormat {
    HTML("html"), MD("md"), JSON("json"), CSV("csv");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    public String render(RunResult run) {
        return switch (this) {
            case HTML -> HtmlReport.render(run);
            case MD -> MarkdownReport.render(run);
            case JSON -> JsonSummary.render(run);
            case CSV -> CsvReport.render(run);
        };
    }

    /** By name ("html", "markdown", "md", ...), case-insensitive; null when unknown. */
    public static ReportFormat parse(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("markdown")) return MD;
        for (ReportFormat f : values()) {
            if (f.extension.equals(n)) return f;
        }
        return null;
    }
}
