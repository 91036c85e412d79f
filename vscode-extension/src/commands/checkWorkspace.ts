import * as vscode from 'vscode';
import { LANGUAGE_ID } from './constants';
import { summarizeDiagnostics } from './diagnosticSummary';

const WAIT_FOR_DIAGNOSTICS_MS = 15000;

/**
 * Opens every .prune file of the workspace (without showing it) so the language server checks it, waits
 * until each has received diagnostics (or a timeout), then says how many problems there are.
 */
export async function checkWorkspace(): Promise<void> {
  const files = await vscode.workspace.findFiles('**/*.prune', '**/{node_modules,.titans}/**');
  if (files.length === 0) {
    void vscode.window.showInformationMessage('No .prune files in this workspace.');
    return;
  }
  const pending = new Set(files.map((f) => f.toString()));
  const allChecked = new Promise<void>((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      sub.dispose();
      resolve();
    };
    const timer = setTimeout(finish, WAIT_FOR_DIAGNOSTICS_MS);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      e.uris.forEach((u) => pending.delete(u.toString()));
      if (pending.size === 0) {
        finish();
      }
    });
  });
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Checking ${files.length} .prune specs` },
    async () => {
      for (const file of files) {
        const doc = await vscode.workspace.openTextDocument(file);
        if (doc.languageId !== LANGUAGE_ID) {
          await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
        }
      }
      await allChecked;
    },
  );
  const severities = files.flatMap((f) => vscode.languages.getDiagnostics(f).map((d) => d.severity as number));
  void vscode.window.showInformationMessage(summarizeDiagnostics(files.length, severities));
}
