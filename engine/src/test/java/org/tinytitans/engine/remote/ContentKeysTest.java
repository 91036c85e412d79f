package org.tinytitans.engine.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentKeysTest {

    @Test
    void aFileKeyIsTheSha256OfItsBytes(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("a.bin"), "abc");
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ContentKeys.file(f));
        Path g = Files.writeString(dir.resolve("renamed.bin"), "abc");
        assertEquals(ContentKeys.of(f), ContentKeys.of(g), "the name is not part of a file's key");
    }

    @Test
    void aFolderKeyFollowsNamesAndContents(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        for (Path d : new Path[] {a, b}) {
            Files.createDirectories(d.resolve("sub"));
            Files.writeString(d.resolve("x.idx"), "1");
            Files.writeString(d.resolve("sub/y.idx"), "2");
        }
        assertEquals(ContentKeys.of(a), ContentKeys.of(b), "same layout and bytes, same key");
        Files.writeString(b.resolve("sub/y.idx"), "3");
        assertNotEquals(ContentKeys.of(a), ContentKeys.of(b));
        Files.writeString(b.resolve("sub/y.idx"), "2");
        Files.move(b.resolve("x.idx"), b.resolve("z.idx"));
        assertNotEquals(ContentKeys.of(a), ContentKeys.of(b), "a renamed file inside changes the folder");
        assertNotEquals(ContentKeys.of(a), ContentKeys.of(a.resolve("x.idx")));
    }
}
