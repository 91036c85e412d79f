package org.tinytitans.server.services;

import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.DocumentLink;
import org.tinytitans.language.SpecDocument;

/** Document links on the weight and data paths of a spec. */
public final class DocumentLinks {
    private DocumentLinks() {}

    public static List<DocumentLink> links(SpecDocument doc, Path spec) {
        return FileLinks.of(doc, spec).stream()
                .map(l -> new DocumentLink(Ranges.lsp(l.value().range()), l.target().toUri().toString(), null, l.target().toString()))
                .toList();
    }
}
