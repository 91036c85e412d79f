import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { prepareReportHtml } from './reportLocation';

let panel: vscode.WebviewPanel | undefined;

/** Shows an HTML report in a webview beside the editor, reusing one panel. */
export async function showReport(reportPath: string): Promise<void> {
  let html: string;
  try {
    html = await fs.promises.readFile(reportPath, 'utf8');
  } catch (e) {
    void vscode.window.showErrorMessage(`Cannot read the report ${reportPath}: ${(e as Error).message}`);
    return;
  }
  const folder = vscode.Uri.file(path.dirname(reportPath));
  if (!panel) {
    panel = vscode.window.createWebviewPanel('titans.report', 'Tiny Titans report', vscode.ViewColumn.Beside, {
      enableScripts: false,
      localResourceRoots: [folder],
    });
    panel.onDidDispose(() => (panel = undefined));
  } else {
    panel.webview.options = { enableScripts: false, localResourceRoots: [folder] };
  }
  panel.title = `Report: ${path.basename(path.dirname(reportPath))}`;
  panel.webview.html = prepareReportHtml(html, panel.webview.asWebviewUri(folder).toString(), panel.webview.cspSource);
  panel.reveal(vscode.ViewColumn.Beside, true);
}
