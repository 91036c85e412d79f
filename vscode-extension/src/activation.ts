import * as vscode from 'vscode';
import { findJava, checkJavaVersion } from './client/javaLocator';
import { buildServerCommand, resolveServerJar, startupArchivePath } from './client/serverCommand';
import { ClientFactoryOptions, ClientLike } from './client/clientTypes';
import { ClientCommands, JOB_STATUS_NOTIFICATION, LANGUAGE_ID, RUNTIME_REQUEST } from './commands/constants';
import { createExecuteCommandMiddleware, createShowDocumentMiddleware } from './commands/serverCommandMiddleware';
import { checkWorkspace } from './commands/checkWorkspace';
import { classifyChange, readServerSettings, settingsPayload, SETTINGS_SECTION, ServerSettings } from './settings/serverSettings';
import { JobStatusBar } from './status/jobStatusBar';
import { RuntimeStatusBar, runtimeView, RuntimeView } from './status/runtimeStatus';
import { showReport } from './report/reportView';

/** What activation needs from the machine; the real one is in client/nodeHost.ts, tests pass fakes. */
export interface ActivationDeps {
  env: Record<string, string | undefined>;
  platform: string;
  isFile(p: string): boolean;
  javaVersion(java: string): Promise<string>;
  /** A file's size and modification time as one string, or undefined when it cannot be read (the archive's key). */
  fileStamp?(p: string): string | undefined;
  createClient(options: ClientFactoryOptions): ClientLike;
}

export interface TitansExtension {
  client(): ClientLike | undefined;
  statusBar: JobStatusBar;
  runtimeBar: RuntimeStatusBar;
  /** Asks the running server which runtime jobs use, and shows it in the status bar. */
  refreshRuntime(): Promise<RuntimeView>;
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

const OPEN_SETTINGS = 'Open Settings';
const SHOW_OUTPUT = 'Show Output';

/** Settings for the server; jobs never run on save in an untrusted workspace. */
function currentServerSettings(): ServerSettings {
  const settings = readServerSettings(vscode.workspace.getConfiguration(SETTINGS_SECTION));
  if (!vscode.workspace.isTrusted) {
    settings.runOnSave = false;
  }
  return settings;
}

function activePruneUri(): string | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  return doc && doc.languageId === LANGUAGE_ID ? doc.uri.toString() : undefined;
}

export async function activateWith(context: vscode.ExtensionContext, deps: ActivationDeps): Promise<TitansExtension> {
  const output = vscode.window.createOutputChannel('Tiny Titans', { log: true });
  const statusBar = new JobStatusBar();
  const runtimeBar = new RuntimeStatusBar();
  const runtimeOutput = vscode.window.createOutputChannel('Tiny Titans Runtime');
  context.subscriptions.push(output, statusBar, runtimeBar, runtimeOutput);
  let client: ClientLike | undefined;

  const middleware = {
    executeCommand: createExecuteCommandMiddleware({
      activePruneUri,
      lastJobUri: () => statusBar.model.lastJobUri,
      isTrusted: () => vscode.workspace.isTrusted,
      showReport,
      openFile: async (p) => void (await vscode.window.showTextDocument(vscode.Uri.file(p), { preview: true })),
      showInfo: (m) => void vscode.window.showInformationMessage(m),
    }),
    handleWorkDoneProgress: (token: string | number, params: any, next: (t: string | number, p: any) => void) => {
      statusBar.progress(token, params);
      next(token, params);
    },
    window: { showDocument: createShowDocumentMiddleware({ showReport }) },
  };

  async function fail(message: string, action: string, onAction: () => Thenable<unknown>): Promise<void> {
    output.appendLine(message);
    const picked = await vscode.window.showErrorMessage(message, action);
    if (picked === action) {
      await onAction();
    }
  }

  async function start(): Promise<void> {
    const cfg = vscode.workspace.getConfiguration(SETTINGS_SECTION);
    const openSetting = (key: string) => () => vscode.commands.executeCommand('workbench.action.openSettings', key);
    const java = findJava({ javaHomeSetting: cfg.get<string | null>('java.home'), env: deps.env, platform: deps.platform, isFile: deps.isFile });
    if (!java.ok) {
      return fail(java.message, OPEN_SETTINGS, openSetting('titans.java.home'));
    }
    const javaVersion = await deps.javaVersion(java.java);
    const tooOld = checkJavaVersion(java.java, javaVersion);
    if (tooOld) {
      return fail(tooOld, OPEN_SETTINGS, openSetting('titans.java.home'));
    }
    const jar = resolveServerJar(cfg.get<string | null>('server.jar'), context.extensionPath, deps.isFile);
    if (!jar.ok) {
      return fail(jar.message, OPEN_SETTINGS, openSetting('titans.server.jar'));
    }
    // The class-data archive lives in the extension's storage (the install folder may be read-only).
    const storage = context.globalStorageUri?.fsPath;
    const stamp = deps.fileStamp?.(jar.jar);
    const archivePath = storage && stamp ? startupArchivePath(storage, java.java, javaVersion, jar.jar, stamp) : undefined;
    const archive = archivePath ? { path: archivePath, exists: deps.isFile(archivePath) } : undefined;
    const launch = buildServerCommand(java.java, cfg.get<string | null>('server.vmargs'), jar.jar, archive);
    output.appendLine(`Starting the language server with Java from ${java.source}: ${launch.command} ${launch.args.join(' ')}`);
    const started = deps.createClient({
      launch,
      cwd: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
      initializationOptions: settingsPayload(currentServerSettings()),
      outputChannel: output,
      middleware,
    });
    context.subscriptions.push(started.onNotification(JOB_STATUS_NOTIFICATION, (p) => statusBar.jobStatus(p)));
    try {
      await started.start();
      client = started;
      void refreshRuntime();
    } catch (e) {
      await fail(`The Tiny Titans language server failed to start: ${(e as Error).message ?? e}`, SHOW_OUTPUT, async () => output.show());
    }
  }

  /** `titans/runtime` from the server; an older server without it, or none running, gives the reason instead. */
  async function refreshRuntime(): Promise<RuntimeView> {
    const running = client;
    const view = !running
      ? runtimeView({ ok: false, error: 'the language server is not running' })
      : await running.sendRequest<unknown>(RUNTIME_REQUEST).then(
          (info) => runtimeView({ ok: true, info }),
          (e: Error) => runtimeView({ ok: false, error: e?.message ?? String(e) }),
        );
    runtimeBar.update(view);
    return view;
  }

  async function showRuntime(): Promise<void> {
    const view = await refreshRuntime();
    runtimeOutput.clear();
    runtimeOutput.appendLine(view.report);
    runtimeOutput.show(true);
  }

  async function stop(): Promise<void> {
    const running = client;
    client = undefined;
    if (running) {
      await running.stop().catch((e: Error) => output.appendLine(`Stopping the server: ${e.message}`));
    }
  }

  async function restart(): Promise<void> {
    await stop();
    await start();
  }

  context.subscriptions.push(
    vscode.commands.registerCommand(ClientCommands.checkWorkspace, checkWorkspace),
    vscode.commands.registerCommand(ClientCommands.showOutput, () => output.show()),
    vscode.commands.registerCommand(ClientCommands.restartServer, restart),
    vscode.commands.registerCommand(ClientCommands.showRuntime, showRuntime),
    vscode.workspace.onDidChangeConfiguration((e) => {
      const change = classifyChange((section) => e.affectsConfiguration(section));
      if (change === 'restart') {
        void restart();
      } else if (change === 'push' && client) {
        void client.sendNotification('workspace/didChangeConfiguration', { settings: settingsPayload(currentServerSettings()) });
      }
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => client && client.sendNotification('workspace/didChangeConfiguration', { settings: settingsPayload(currentServerSettings()) })),
  );

  await start();
  return { client: () => client, statusBar, runtimeBar, refreshRuntime, restart, dispose: stop };
}
