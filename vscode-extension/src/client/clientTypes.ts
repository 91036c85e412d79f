import type { ServerCommand } from './serverCommand';

/** The part of vscode-languageclient's LanguageClient the extension uses (a fake in tests). */
export interface ClientLike {
  start(): Promise<void>;
  stop(): Promise<void>;
  sendNotification(method: string, params?: unknown): Promise<void>;
  sendRequest<R>(method: string, params?: unknown): Promise<R>;
  onNotification(method: string, handler: (params: any) => void): { dispose(): void };
}

export interface ClientMiddleware {
  executeCommand: (command: string, args: unknown[], next: (command: string, args: unknown[]) => Promise<unknown>) => Promise<unknown>;
  handleWorkDoneProgress: (token: string | number, params: any, next: (token: string | number, params: any) => void) => void;
  window: { showDocument: (params: any, token: any, next: (params: any, token: any) => any) => Promise<{ success: boolean }> };
}

export interface ClientFactoryOptions {
  launch: ServerCommand;
  cwd: string | undefined;
  initializationOptions: unknown;
  outputChannel: unknown;
  middleware: ClientMiddleware;
}
