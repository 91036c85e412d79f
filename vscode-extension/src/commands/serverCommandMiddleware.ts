import { ServerCommands, isServerCommand } from './constants';
import { serverCommandArguments } from './commandArguments';
import { reportPathFrom } from '../report/reportLocation';

/** What the middleware needs from the editor; plain functions so tests pass fakes. */
export interface ServerCommandHost {
  activePruneUri(): string | undefined;
  lastJobUri(): string | undefined;
  isTrusted(): boolean;
  showReport(path: string): Promise<void> | void;
  openFile(path: string): Promise<void> | void;
  showInfo(message: string): void;
}

export type ExecuteNext = (command: string, args: unknown[]) => Promise<unknown>;

/**
 * vscode-languageclient's executeCommand middleware for the server's commands. It fills in the spec's URI,
 * keeps jobs from starting in untrusted workspaces, and shows what titans.openReport returns: an HTML report
 * in a webview, any other file (e.g. a results JSON) in an editor.
 */
export function createExecuteCommandMiddleware(host: ServerCommandHost) {
  return async (command: string, args: unknown[], next: ExecuteNext): Promise<unknown> => {
    if (!isServerCommand(command)) {
      return next(command, args);
    }
    const fallback = command === ServerCommands.cancel ? host.activePruneUri() ?? host.lastJobUri() : host.activePruneUri();
    const fixed = serverCommandArguments(args, fallback);
    if (!fixed) {
      host.showInfo('Open a .prune file first: this command acts on the spec in the active editor.');
      return undefined;
    }
    const startsJob = command === ServerCommands.run || command === ServerCommands.searchRatios || command === ServerCommands.estimate;
    if (startsJob && !host.isTrusted()) {
      host.showInfo('Tiny Titans runs jobs only in trusted workspaces. Trust this workspace to run or estimate.');
      return undefined;
    }
    const result = await next(command, fixed);
    if (command === ServerCommands.openReport) {
      const report = reportPathFrom(result);
      if (report && isHtml(report)) {
        await host.showReport(report);
      } else if (report) {
        // A results file rather than an HTML report: open it as text (the server may have shown it already).
        await host.openFile(report);
      } else {
        host.showInfo('There is no report for this spec yet: run it first.');
      }
    }
    return result;
  };
}

function isHtml(path: string): boolean {
  return /\.html?$/i.test(path);
}

export interface ShowDocumentParams {
  uri: string;
  external?: boolean;
  takeFocus?: boolean;
}

/**
 * window/showDocument middleware: a server that opens an HTML report through showDocument gets it shown in
 * the report webview (VS Code would otherwise open the HTML source as text, or hand the local file to a browser
 * when `external` is set, as the Tiny Titans server does for generic clients). Everything else goes on as usual.
 */
export function createShowDocumentMiddleware(host: Pick<ServerCommandHost, 'showReport'>) {
  return async (
    params: ShowDocumentParams,
    token: unknown,
    next: (params: ShowDocumentParams, token: any) => unknown,
  ): Promise<{ success: boolean }> => {
    const report = /^file:.*\.html?$/i.test(params.uri) ? reportPathFrom(params.uri) : undefined;
    if (report) {
      await host.showReport(report);
      return { success: true };
    }
    return (await next(params, token)) as { success: boolean };
  };
}
