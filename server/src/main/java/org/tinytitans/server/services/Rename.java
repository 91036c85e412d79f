package org.tinytitans.server.services;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.ast.TokenKind;
import org.tinytitans.language.ast.Statement;
import org.tinytitans.language.ast.Value;

/** Renames an experiment (its name is its only occurrence in the file, but reports and results key on it). */
public final class Rename {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private Rename() {}

    /** The experiment name under the caret, if any. */
    public static Optional<Value> nameAt(SpecDocument doc, int offset) {
        for (Statement s : doc.root().experiments()) {
            Optional<Value> v = s.argument();
            if (v.isPresent() && v.get().kind() == TokenKind.NAME && v.get().range().contains(offset)) return v;
        }
        return Optional.empty();
    }

    public static PrepareRenameResult prepare(SpecDocument doc, int offset) {
        return nameAt(doc, offset).map(v -> new PrepareRenameResult(Ranges.lsp(v.range()), v.text())).orElse(null);
    }

    public static WorkspaceEdit rename(SpecDocument doc, String uri, int offset, String newName) {
        Value v = nameAt(doc, offset).orElseThrow(() -> error("only an experiment's name can be renamed"));
        if (!NAME.matcher(newName).matches()) {
            throw error("'" + newName + "' is not a valid experiment name: use letters, digits, '_' and '-', starting with a letter");
        }
        boolean taken = doc.root().experiments().stream().map(s -> s.argument().map(Value::text).orElse(""))
                .anyMatch(n -> n.equals(newName));
        if (taken && !newName.equals(v.text())) throw error("an experiment named '" + newName + "' already exists");
        return new WorkspaceEdit(Map.of(uri, List.of(new TextEdit(Ranges.lsp(v.range()), newName))));
    }

    private static ResponseErrorException error(String message) {
        return new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, message, null));
    }
}
