package org.tinytitans.engine.report;

/** The verdict of one {@code expect} line: passed is null when it could not be judged. */
public record ExpectResult(Integer line, String text, Boolean passed, String actual) {
    public boolean failed() {
        return Boolean.FALSE.equals(passed);
    }
}
