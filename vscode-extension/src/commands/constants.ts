/**
 * Commands the language server executes (workspace/executeCommand, argument: the spec's URI).
 * vscode-languageclient registers a VS Code command for each one the server advertises; package.json only
 * gives them titles and menu places, and our executeCommand middleware fills in the URI.
 */
export const ServerCommands = {
  run: 'titans.run',
  estimate: 'titans.estimate',
  cancel: 'titans.cancel',
  openReport: 'titans.openReport',
  /** The code lens on a `ratio auto` prune block: runs the spec, whose job searches for the ratios. */
  searchRatios: 'titans.searchRatios',
} as const;

/** Commands the extension itself implements. */
export const ClientCommands = {
  checkWorkspace: 'titans.checkWorkspace',
  showOutput: 'titans.showOutput',
  restartServer: 'titans.restartServer',
  showRuntime: 'titans.showRuntime',
} as const;

/** Context key true while a job runs; it shows the Cancel button in the editor title. */
export const JOB_RUNNING_CONTEXT = 'titans.jobRunning';

export const LANGUAGE_ID = 'prune';

/** Custom request: the server answers { summary, text } about the libtorch and device jobs use (titans-cli doctor). */
export const RUNTIME_REQUEST = 'titans/runtime';

/** Custom notification the server may send about a job, besides $/progress. */
export const JOB_STATUS_NOTIFICATION = 'titans/jobStatus';

export function isServerCommand(command: string): boolean {
  return (Object.values(ServerCommands) as string[]).includes(command);
}
