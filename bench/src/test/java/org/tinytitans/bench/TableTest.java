package org.tinytitans.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void writesMarkdownWithEscapedPipes() {
        String md = new Table("a", "b").row("x|y", 2).markdown();
        assertEquals("| a | b |\n|---|---|\n| x\\|y | 2 |\n", md);
    }

    @Test
    void rowMustFitTheHeader() {
        assertThrows(IllegalArgumentException.class, () -> new Table("a", "b").row("only one"));
    }

    @Test
    void millisecondsKeepAboutThreeDigits() {
        assertEquals("0.123", Table.ms(0.12345));
        assertEquals("1.23", Table.ms(1.2345));
        assertEquals("12.3", Table.ms(12.345));
        assertEquals("123", Table.ms(123.45));
        assertEquals("n/a", Table.ms(Double.NaN));
    }

    @Test
    void ratiosAndPercentages() {
        assertEquals("x0.83", Table.ratio(0.8333));
        assertEquals("n/a", Table.ratio(Double.POSITIVE_INFINITY));
        assertEquals("50.0%", Table.pct(0.5));
    }
}
