package org.tinytitans.engine.vlm;

import com.google.gson.Gson;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tinytitans.engine.data.ImageSet;
import org.tinytitans.engine.data.MnistIdx;
import org.tinytitans.engine.data.Split;

/**
 * Templated multiple-choice questions about MNIST digits: "What digit is shown?" with the right digit and three
 * other digits in random order. The trainer draws them on the fly from the train split; {@link #main} writes a
 * question file over the test split (the shipped {@code samples/data/digit-vqa.jsonl}):
 * <pre>
 * java -cp cli/target/titans-cli.jar org.tinytitans.engine.vlm.DigitVqa samples/data/mnist samples/data/digit-vqa.jsonl
 * </pre>
 */
public final class DigitVqa {
    public static final String QUESTION = "What digit is shown?";
    public static final int CHOICES = 4;

    private DigitVqa() {}

    /** A question about an image of {@code digit}: the right answer at a random place among distinct distractors. */
    public static VisualQuestion question(String image, int digit, Random random, int line) {
        List<Integer> others = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            if (d != digit) {
                others.add(d);
            }
        }
        java.util.Collections.shuffle(others, random);
        int answer = random.nextInt(CHOICES);
        List<String> choices = new ArrayList<>();
        for (int i = 0, o = 0; i < CHOICES; i++) {
            choices.add(String.valueOf(i == answer ? digit : others.get(o++)));
        }
        return new VisualQuestion(image, QUESTION, choices, answer, line);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: DigitVqa MNIST_DIR OUT.jsonl [seed]");
            System.exit(2);
        }
        Path mnist = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Random random = new Random(args.length > 2 ? Long.parseLong(args[2]) : 17);
        ImageSet test = MnistIdx.load(mnist, Split.TEST);
        Path images = out.toAbsolutePath().getParent().relativize(mnist.toAbsolutePath().resolve("test-images-idx3-ubyte.gz"));
        Gson gson = new Gson();
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (int i = 0; i < test.size(); i++) {
                VisualQuestion q = question(images.toString().replace('\\', '/') + "#" + i, test.labels()[i], random, i + 1);
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("image", q.image());
                line.put("question", q.question());
                line.put("choices", q.choices());
                line.put("answer", q.answer());
                w.write(gson.toJson(line));
                w.write('\n');
            }
        }
        System.out.println("wrote " + test.size() + " questions to " + out);
    }
}
