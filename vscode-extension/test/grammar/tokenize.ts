import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

export interface Token {
  text: string;
  scopes: string[];
}

const root = path.resolve(__dirname, '../../..');
let registry: vsctm.Registry | undefined;

/** Loads syntaxes/prune.tmLanguage.json the way VS Code does: vscode-textmate on the Oniguruma WASM build. */
export async function loadPruneGrammar(): Promise<vsctm.IGrammar> {
  if (!registry) {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) => {
        if (scopeName !== 'source.prune') {
          return null;
        }
        const file = path.join(root, 'syntaxes/prune.tmLanguage.json');
        return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
      },
    });
  }
  const grammar = await registry.loadGrammar('source.prune');
  if (!grammar) {
    throw new Error('source.prune did not load');
  }
  return grammar;
}

/** Tokens per line, whitespace-only tokens dropped. */
export function tokenizeLines(grammar: vsctm.IGrammar, text: string): Token[][] {
  let stack = vsctm.INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const r = grammar.tokenizeLine(line, stack);
    stack = r.ruleStack;
    return r.tokens
      .map((t) => ({ text: line.substring(t.startIndex, t.endIndex), scopes: t.scopes }))
      .filter((t) => t.text.trim() !== '');
  });
}
