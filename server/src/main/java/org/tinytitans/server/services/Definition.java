package org.tinytitans.server.services;

import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.tinytitans.language.SpecDocument;

/** Go to definition on a file path: opens the weights file or the data folder it names. */
public final class Definition {
    private Definition() {}

    public static List<Location> definition(SpecDocument doc, Path spec, int offset) {
        return FileLinks.of(doc, spec).stream()
                .filter(l -> l.value().range().contains(offset))
                .map(l -> new Location(l.target().toUri().toString(), new Range(new Position(0, 0), new Position(0, 0))))
                .toList();
    }
}
