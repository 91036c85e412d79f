import * as vscode from 'vscode';
import { ClientCommands } from '../commands/constants';

/** The language server's answer to `titans/runtime`: what `titans-cli doctor` says, in one line and in full. */
export interface RuntimeInfo {
  summary: string;
  text: string;
}

export interface RuntimeView {
  text: string;
  tooltip: string;
  /** What "Tiny Titans: Show runtime" prints. */
  report: string;
}

/**
 * Turns the server's answer (or the reason there is none: an older server without the request, a server that
 * is not running) into the status-bar item and the report. Pure, so the wording is tested without VS Code.
 */
export function runtimeView(answer: { ok: true; info: unknown } | { ok: false; error: string }): RuntimeView {
  const info = answer.ok ? asRuntimeInfo(answer.info) : undefined;
  if (info) {
    return { text: '$(chip) Tiny Titans', tooltip: `Tiny Titans runtime: ${info.summary}\nClick for the full report`, report: info.text };
  }
  const why = answer.ok ? 'the server sent no runtime report' : answer.error;
  return {
    text: '$(chip) Tiny Titans',
    tooltip: `Tiny Titans runtime: unknown (${why})`,
    report: `The language server did not say which runtime jobs use: ${why}.\nRun \`titans-cli doctor\` in a terminal for the same report.`,
  };
}

function asRuntimeInfo(v: unknown): RuntimeInfo | undefined {
  const o = v as Partial<RuntimeInfo> | null;
  return o && typeof o.summary === 'string' && typeof o.text === 'string' ? { summary: o.summary, text: o.text } : undefined;
}

/** The status-bar item naming the runtime (libtorch, device) jobs use; a click shows the full report. */
export class RuntimeStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private view: RuntimeView = runtimeView({ ok: false, error: 'the language server has not started' });

  constructor() {
    this.item = vscode.window.createStatusBarItem('titans.runtime', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Tiny Titans runtime';
    this.item.command = ClientCommands.showRuntime;
  }

  update(view: RuntimeView): void {
    this.view = view;
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.show();
  }

  current(): RuntimeView {
    return this.view;
  }

  dispose(): void {
    this.item.dispose();
  }
}
