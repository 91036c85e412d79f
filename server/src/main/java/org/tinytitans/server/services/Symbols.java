package org.tinytitans.server.services;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.tinytitans.language.Outline;
import org.tinytitans.language.OutlineNode;
import org.tinytitans.language.SpecDocument;

/** The outline: experiments and their blocks; flat for clients without hierarchical symbol support. */
public final class Symbols {
    private Symbols() {}

    public static List<Either<SymbolInformation, DocumentSymbol>> symbols(SpecDocument doc, String uri, boolean hierarchical) {
        List<Either<SymbolInformation, DocumentSymbol>> out = new ArrayList<>();
        for (OutlineNode n : Outline.of(doc)) {
            if (hierarchical) {
                out.add(Either.forRight(symbol(n)));
            } else {
                flat(n, null, uri, out);
            }
        }
        return out;
    }

    private static DocumentSymbol symbol(OutlineNode n) {
        DocumentSymbol s = new DocumentSymbol(n.name(), kind(n.kind()), Ranges.lsp(n.range()), Ranges.lsp(n.selectionRange()),
                n.detail().isEmpty() ? null : n.detail());
        s.setChildren(n.children().stream().map(Symbols::symbol).toList());
        return s;
    }

    @SuppressWarnings("deprecation") // SymbolInformation is what clients without hierarchy understand
    private static void flat(OutlineNode n, String container, String uri, List<Either<SymbolInformation, DocumentSymbol>> out) {
        SymbolInformation si = new SymbolInformation(n.name(), kind(n.kind()), new Location(uri, Ranges.lsp(n.range())), container);
        out.add(Either.forLeft(si));
        for (OutlineNode c : n.children()) flat(c, n.name(), uri, out);
    }

    static SymbolKind kind(String kind) {
        return switch (kind) {
            case "experiment" -> SymbolKind.Class;
            case "model" -> SymbolKind.Module;
            case "dataset" -> SymbolKind.Package;
            case "prune" -> SymbolKind.Function;
            case "measure" -> SymbolKind.Field;
            case "expect" -> SymbolKind.Boolean;
            case "target" -> SymbolKind.Interface;
            default -> SymbolKind.Object;
        };
    }
}
