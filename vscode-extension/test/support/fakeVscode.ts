/**
 * A hand-written stand-in for the `vscode` module: just the API the extension touches, recording what
 * it is asked to do. installFakeVscode() makes `require('vscode')` return it.
 */
import Module = require('module');

type Listener<T> = (e: T) => unknown;

export class FakeEvent<T> {
  private listeners: Listener<T>[] = [];
  readonly event = (l: Listener<T>) => {
    this.listeners.push(l);
    return { dispose: () => (this.listeners = this.listeners.filter((x) => x !== l)) };
  };
  fire(e: T): void {
    this.listeners.forEach((l) => l(e));
  }
}

export class FakeUri {
  constructor(readonly scheme: string, readonly fsPath: string) {}
  static file(p: string): FakeUri {
    return new FakeUri('file', p);
  }
  toString(): string {
    return `${this.scheme}://${this.fsPath}`;
  }
}

export interface FakeStatusBarItem {
  text: string;
  tooltip: string;
  command: string | undefined;
  visible: boolean;
  show(): void;
  hide(): void;
  dispose(): void;
}

export function createFakeVscode() {
  const settings = new Map<string, unknown>();
  const registered = new Map<string, (...args: unknown[]) => unknown>();
  const executed: { command: string; args: unknown[] }[] = [];
  const messages: { level: 'error' | 'info'; text: string; items: string[] }[] = [];
  const outputLines: string[] = [];
  /** What each output channel, by name, holds now (clear() empties it). */
  const channels = new Map<string, string[]>();
  const statusItems: FakeStatusBarItem[] = [];
  const configChanged = new FakeEvent<{ affectsConfiguration(section: string): boolean }>();
  const diagnosticsChanged = new FakeEvent<{ uris: FakeUri[] }>();
  /** Files findFiles returns, the documents opened, and diagnostics per URI string. */
  const files: FakeUri[] = [];
  const opened: string[] = [];
  const diagnostics = new Map<string, { severity: number }[]>();
  const state = { trusted: true, answer: undefined as string | undefined, activeEditor: undefined as unknown };

  const vscode = {
    StatusBarAlignment: { Left: 1, Right: 2 },
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    ViewColumn: { Active: -1, Beside: -2, One: 1 },
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    Uri: FakeUri,
    window: {
      get activeTextEditor() {
        return state.activeEditor;
      },
      createOutputChannel: (name: string) => {
        const lines: string[] = [];
        channels.set(name, lines);
        const add = (l: string) => void (outputLines.push(l), lines.push(l));
        return {
          appendLine: add,
          append: add,
          info: add,
          clear: () => void lines.splice(0),
          show: () => executed.push({ command: '<output.show>', args: [name] }),
          dispose: () => undefined,
        };
      },
      createStatusBarItem: () => {
        const item: FakeStatusBarItem = {
          text: '',
          tooltip: '',
          command: undefined,
          visible: false,
          show: () => (item.visible = true),
          hide: () => (item.visible = false),
          dispose: () => undefined,
        };
        statusItems.push(item);
        return item;
      },
      showErrorMessage: async (text: string, ...items: string[]) => {
        messages.push({ level: 'error', text, items });
        return items.includes(state.answer ?? '') ? state.answer : undefined;
      },
      showInformationMessage: async (text: string, ...items: string[]) => {
        messages.push({ level: 'info', text, items });
        return undefined;
      },
      withProgress: async (_o: unknown, task: (p: unknown) => Promise<unknown>) => task({ report: () => undefined }),
    },
    commands: {
      registerCommand: (id: string, fn: (...args: unknown[]) => unknown) => {
        if (registered.has(id)) {
          throw new Error(`command '${id}' already exists`);
        }
        registered.set(id, fn);
        return { dispose: () => registered.delete(id) };
      },
      executeCommand: async (command: string, ...args: unknown[]) => {
        executed.push({ command, args });
        return registered.get(command)?.(...args);
      },
    },
    workspace: {
      get isTrusted() {
        return state.trusted;
      },
      workspaceFolders: [{ uri: FakeUri.file('/ws') }],
      getConfiguration: (section: string) => ({
        get: <T>(key: string): T | undefined => settings.get(`${section}.${key}`) as T | undefined,
      }),
      onDidChangeConfiguration: configChanged.event,
      findFiles: async () => [...files],
      openTextDocument: async (uri: FakeUri) => {
        opened.push(uri.toString());
        return { uri, languageId: 'prune' };
      },
      onDidGrantWorkspaceTrust: new FakeEvent<void>().event,
    },
    languages: {
      onDidChangeDiagnostics: diagnosticsChanged.event,
      getDiagnostics: (uri: FakeUri) => diagnostics.get(uri.toString()) ?? [],
      setTextDocumentLanguage: async (doc: unknown) => doc,
    },
  };

  /** Changes settings and fires onDidChangeConfiguration the way VS Code does. */
  function changeSettings(values: Record<string, unknown>): void {
    Object.entries(values).forEach(([k, v]) => settings.set(k, v));
    const keys = Object.keys(values);
    configChanged.fire({ affectsConfiguration: (s) => keys.some((k) => k === s || k.startsWith(`${s}.`)) });
  }

  /** The server publishing diagnostics for a file, as VS Code reports it to extensions. */
  function publish(uri: FakeUri, severities: number[]): void {
    diagnostics.set(uri.toString(), severities.map((severity) => ({ severity })));
    diagnosticsChanged.fire({ uris: [uri] });
  }

  return { vscode, settings, registered, executed, messages, outputLines, channels, statusItems, state, changeSettings, files, opened, publish };
}

export type FakeVscode = ReturnType<typeof createFakeVscode>;

/** One module object for the whole run: modules keep their first `require('vscode')`, so each test swaps its members. */
const shim: Record<string, unknown> = {};
let installed = false;

/** Makes require('vscode') return the fake, with fresh state for the calling test. */
export function installFakeVscode(): FakeVscode {
  const fake = createFakeVscode();
  Object.keys(shim).forEach((k) => delete shim[k]);
  Object.assign(shim, fake.vscode);
  if (!installed) {
    installed = true;
    const mod = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
    const original = mod._load;
    mod._load = function (request: string, ...rest: unknown[]) {
      return request === 'vscode' ? shim : original.call(this, request, ...rest);
    };
  }
  return fake;
}
