import * as vscode from 'vscode';
import { activateWith, TitansExtension } from './activation';
import { nodeDeps } from './client/nodeHost';

let extension: TitansExtension | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<TitansExtension> {
  extension = await activateWith(context, nodeDeps());
  return extension;
}

export function deactivate(): Promise<void> | undefined {
  return extension?.dispose();
}
