import * as vscode from 'vscode';
import { JOB_RUNNING_CONTEXT, ServerCommands, ClientCommands } from '../commands/constants';
import { JobStatusModel, JobStatusParams, ProgressValue } from './jobStatusModel';

/** The status-bar item for the running job, fed by $/progress and by titans/jobStatus. */
export class JobStatusBar implements vscode.Disposable {
  readonly model = new JobStatusModel();
  private readonly item: vscode.StatusBarItem;
  private running = false;

  constructor() {
    this.item = vscode.window.createStatusBarItem('titans.jobStatus', vscode.StatusBarAlignment.Left, 10);
    this.item.name = 'Tiny Titans job';
  }

  progress(token: string | number, value: ProgressValue): void {
    this.model.onProgress(token, value);
    this.refresh();
  }

  jobStatus(params: JobStatusParams): void {
    this.model.onJobStatus(params);
    this.refresh();
  }

  private refresh(): void {
    const view = this.model.view();
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.command = view.running ? ServerCommands.cancel : ClientCommands.showOutput;
    if (view.visible) {
      this.item.show();
    } else {
      this.item.hide();
    }
    if (view.running !== this.running) {
      this.running = view.running;
      void vscode.commands.executeCommand('setContext', JOB_RUNNING_CONTEXT, view.running);
    }
  }

  dispose(): void {
    this.item.dispose();
  }
}
