import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { LANGUAGE_ID } from '../commands/constants';
import { ClientFactoryOptions, ClientLike } from './clientTypes';

/**
 * The real LanguageClient: the Java server over stdio. The id "titans" makes vscode-languageclient read
 * the "titans.trace.server" setting itself.
 */
export function createLanguageClient(o: ClientFactoryOptions): ClientLike {
  const executable = {
    command: o.launch.command,
    args: o.launch.args,
    transport: TransportKind.stdio,
    options: o.cwd ? { cwd: o.cwd } : undefined,
  };
  const serverOptions: ServerOptions = { run: executable, debug: executable };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
    ],
    initializationOptions: o.initializationOptions,
    outputChannel: o.outputChannel as vscode.LogOutputChannel,
    middleware: o.middleware,
  };
  const client = new LanguageClient('titans', 'Tiny Titans Language Server', serverOptions, clientOptions);
  // Tell the server this client handles titans/jobStatus (the status bar); it sends it to no other client.
  client.registerFeature({
    fillClientCapabilities: (capabilities) => {
      capabilities.experimental = { ...(capabilities.experimental as object | undefined), titansJobStatus: true };
    },
    initialize: () => undefined,
    getState: () => ({ kind: 'static' }),
    clear: () => undefined,
  });
  return client;
}
