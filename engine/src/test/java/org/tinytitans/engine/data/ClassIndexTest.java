package org.tinytitans.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassIndexTest {

    @Test
    void theShippedSynsetListIsTheSorted1000() {
        List<String> s = ClassIndex.imagenetSynsets();
        assertEquals(1000, s.size());
        assertEquals(1000, s.stream().distinct().count());
        assertEquals(s.stream().sorted().toList(), s);
        assertEquals("n01440764", s.get(0));
        assertEquals("n15075141", s.get(999));
    }

    @Test
    void synsetSubsetKeepsImageNetIndicesAndAgreesWithA1000ClassModel() {
        ClassIndex i = ClassIndex.of(List.of("n01443537", "n04579432"), null);
        assertEquals(1, i.label("n01443537"));
        assertEquals(1000, i.size());
        assertNull(i.checkAgainst(1000, 1000, 2));
        assertTrue(i.checkAgainst(1000, 10, 2).contains("declares 10 classes but the model has 1000 outputs"));
    }

    @Test
    void numericFoldersAreTheirNumber() {
        ClassIndex i = ClassIndex.of(List.of("3", "17"), null);
        assertEquals(17, i.label("17"));
        assertNull(i.checkAgainst(1000, null, 2));
        DataException e = assertThrows(DataException.class, () -> i.checkAgainst(10, null, 2));
        assertTrue(e.getMessage().contains("'17' is class 17") && e.getMessage().contains("only 10 outputs"), e.getMessage());
    }

    @Test
    void aClassListNamesTheIndices(@TempDir Path dir) throws IOException {
        Path list = dir.resolve("classes.txt");
        Files.writeString(list, "cat\ndog feline's rival\n\nbird\n");
        ClassIndex i = ClassIndex.of(List.of("bird", "cat"), list);
        assertEquals(2, i.label("bird"));
        assertEquals(0, i.label("cat"));
        assertEquals(3, i.size());
        DataException e = assertThrows(DataException.class, () -> ClassIndex.of(List.of("fish"), list));
        assertTrue(e.getMessage().contains("'fish' is not in the class list classes.txt"), e.getMessage());
    }

    @Test
    void positionalLabelsWarnWhenTheModelHasOtherOutputs() {
        ClassIndex i = ClassIndex.of(List.of("zebra", "apple"), null);
        assertEquals(0, i.label("apple"));
        assertNull(i.checkAgainst(2, null, 2));
        String why = i.checkAgainst(1000, null, 2);
        assertTrue(why.contains("2 class folders are labelled by their sorted position"), why);
    }
}
