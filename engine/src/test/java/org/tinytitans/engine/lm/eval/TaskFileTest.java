package org.tinytitans.engine.lm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each public format parses into the contexts and continuations lm-evaluation-harness would score. */
class TaskFileTest {
    @TempDir
    Path tmp;

    static Path fixture(String name) throws Exception {
        return Path.of(TaskFileTest.class.getResource("/lm/" + name).toURI());
    }

    static TaskFile.Items read(String name) throws Exception {
        return TaskFile.read(fixture(name), null, 0);
    }

    @Test
    void hellaSwagJoinsContextsCapitalisesCtxBAndStripsWikiHowMarkers() throws Exception {
        TaskFile.Items items = read("hellaswag.jsonl");
        assertEquals(TaskFormat.HELLASWAG, items.format());
        Question q = items.questions().get(0);
        assertEquals(3, q.gold());
        assertEquals(4, q.choices().size());
        Choice right = q.choices().get(3);
        assertEquals("Removing ice from car: Then, the man writes over the snow covering the window of a car, "
                + "and a woman wearing winter clothes smiles. Then", right.context());
        assertEquals(" , the man continues removing the snow on his car.", right.continuation());
        assertEquals(", the man continues removing the snow on his car.", right.text());

        Question wiki = items.questions().get(1);
        assertEquals(0, wiki.gold());
        assertEquals("Home and Garden: How to clean a rug. Vacuum the rug.", wiki.choices().get(0).context());
        // the harness strips before removing "[step]", so a space stays in front of the ending
        assertEquals("  Use a stiff brush on both sides. Work slowly.", wiki.choices().get(0).continuation());
        assertEquals(" Burn it.", wiki.choices().get(2).continuation());
    }

    @Test
    void arcReadsHuggingFaceAndOriginalRowsAndFindsTheAnswerByLabel() throws Exception {
        TaskFile.Items items = read("arc.jsonl");
        assertEquals(TaskFormat.ARC, items.format());
        Question hf = items.questions().get(0);
        assertEquals(2, hf.gold());
        assertEquals("Question: An astronomer observes that a planet rotates faster after a meteorite impact. "
                + "Which is the most likely effect of this increase in rotation?\nAnswer:", hf.choices().get(2).context());
        assertEquals(" Planetary days will become shorter.", hf.choices().get(2).continuation());
        Question original = items.questions().get(1);
        assertEquals(3, original.choices().size());
        assertEquals(0, original.gold());
        assertEquals(" cellular telephone", original.choices().get(0).continuation());
        assertEquals("Question: Which technology was developed most recently?\nAnswer:", original.choices().get(1).context());
    }

    @Test
    void piqaTakesAnInlineLabelOrTheLabelsFileBesideTheData() throws Exception {
        Question inline = read("piqa.jsonl").questions().get(0);
        assertEquals(0, inline.gold());
        assertEquals("Question: How do I ready a guinea pig cage for it's new occupants?\nAnswer:", inline.choices().get(1).context());
        assertTrue(inline.choices().get(1).continuation().startsWith(" Provide the guinea pig"));

        TaskFile.Items split = read("piqa-valid.jsonl");
        assertEquals(TaskFormat.PIQA, split.format());
        assertEquals(List.of(0, 1), split.questions().stream().map(Question::gold).toList());
        assertEquals(" let it stand", split.questions().get(1).choices().get(1).continuation());
    }

    @Test
    void winoGrandeFillsTheBlankInTheContextAndScoresTheRestOfTheSentence() throws Exception {
        Question q = read("winogrande.jsonl").questions().get(1);
        assertEquals(0, q.gold());
        assertEquals("The trophy doesn't fit into the brown suitcase because the trophy", q.choices().get(0).context());
        assertEquals("The trophy doesn't fit into the brown suitcase because the suitcase", q.choices().get(1).context());
        assertEquals(" is too large.", q.choices().get(0).continuation());
        assertEquals(" is too large.", q.choices().get(1).continuation());
    }

    @Test
    void limitAndExplicitTaskNames() throws Exception {
        assertEquals(1, TaskFile.read(fixture("arc.jsonl"), "arc_challenge", 1).questions().size());
        assertEquals(TaskFormat.ARC, TaskFormat.named("ARC-e"));
        assertEquals(TaskFormat.WINOGRANDE, TaskFormat.named("winogrande"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TaskFormat.named("mmlu"));
        assertTrue(e.getMessage().contains("unknown zero-shot task 'mmlu'"), e.getMessage());
    }

    @Test
    void badItemsAreReportedWithFileAndLine() throws Exception {
        Path broken = tmp.resolve("arc.jsonl");
        Files.writeString(broken, Files.readString(fixture("arc.jsonl")) + "{\"question\": \"Q?\", \"choices\": {\"text\": [\"a\", \"b\"], "
                + "\"label\": [\"A\", \"B\"]}, \"answerKey\": \"E\"}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TaskFile.read(broken, null, 0));
        assertEquals(broken + ":3: arc item: answerKey 'E' is not one of the labels [A, B]", e.getMessage());

        Path notJson = tmp.resolve("w.jsonl");
        Files.writeString(notJson, "{\"sentence\": \"a _ b\", \"option1\": \"x\", \"option2\": \"y\", \"answer\": \"1\"}\n{oops\n");
        e = assertThrows(IllegalArgumentException.class, () -> TaskFile.read(notJson, null, 0));
        assertTrue(e.getMessage().startsWith(notJson + ":2: not valid JSON"), e.getMessage());

        Path noLabel = tmp.resolve("h.jsonl");
        Files.writeString(noLabel, "{\"ctx\": \"c\", \"endings\": [\"a\", \"b\"]}\n");
        e = assertThrows(IllegalArgumentException.class, () -> TaskFile.read(noLabel, null, 0));
        assertEquals(noLabel + ":1: hellaswag item: missing field 'label'", e.getMessage());

        Path unknown = tmp.resolve("u.jsonl");
        Files.writeString(unknown, "{\"text\": \"c\"}\n");
        e = assertThrows(IllegalArgumentException.class, () -> TaskFile.read(unknown, null, 0));
        assertTrue(e.getMessage().contains("cannot tell the task"), e.getMessage());
    }
}
