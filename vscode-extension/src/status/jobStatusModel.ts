/** A $/progress value (WorkDoneProgressBegin / Report / End) as the protocol sends it. */
export interface ProgressValue {
  kind: 'begin' | 'report' | 'end';
  title?: string;
  message?: string;
  percentage?: number;
}

/**
 * The `titans/jobStatus` notification the server sends to clients with the experimental capability
 * `titansJobStatus`: a job started, learned where it runs (message: "running on ssh gpu-box: ..."), or ended.
 * `token` is the run's $/progress token, so both describe one job.
 */
export interface JobStatusParams {
  uri?: string;
  token?: string;
  state: 'running' | 'finished' | 'failed' | 'cancelled';
  target?: string;
  title?: string;
  message?: string;
  percentage?: number;
}

export interface StatusView {
  visible: boolean;
  running: boolean;
  text: string;
  tooltip: string;
}

interface Job {
  title: string;
  message?: string;
  percentage?: number;
  uri?: string;
  target?: string;
}

/**
 * Keeps the jobs the server reports (by progress token or by spec URI) and turns them into the status-bar
 * text. Pure, so the wording and the state changes are tested without VS Code.
 */
export class JobStatusModel {
  private readonly jobs = new Map<string, Job>();
  /** Runs whose end titans/jobStatus already reported: their later $/progress end must not replace it. */
  private readonly ended = new Set<string>();
  private last: { text: string; tooltip: string } | undefined;
  /** The spec of the most recent running job, for Cancel from the palette. */
  lastJobUri: string | undefined;

  onProgress(token: string | number, value: ProgressValue): void {
    const key = `progress:${token}`;
    if (value.kind === 'end') {
      const job = this.jobs.get(key);
      this.jobs.delete(key);
      if (this.ended.delete(key)) {
        return;
      }
      this.last = { text: `$(check) ${value.message ?? job?.title ?? 'Job finished'}`, tooltip: job?.title ?? '' };
      return;
    }
    const job = this.jobs.get(key) ?? { title: value.title ?? 'Tiny Titans job' };
    if (value.title) {
      job.title = value.title;
    }
    if (value.message !== undefined) {
      job.message = value.message;
    }
    if (value.percentage !== undefined) {
      job.percentage = value.percentage;
    }
    this.jobs.set(key, job);
  }

  onJobStatus(p: JobStatusParams): void {
    const key = p.token !== undefined ? `progress:${p.token}` : `job:${p.uri ?? ''}`;
    if (p.state === 'running') {
      const job = this.jobs.get(key) ?? { title: p.title ?? 'Tiny Titans job', uri: p.uri };
      job.uri = p.uri ?? job.uri;
      job.target = p.target ?? job.target;
      job.message = p.message ?? job.message;
      job.percentage = p.percentage ?? job.percentage;
      this.jobs.set(key, job);
      this.lastJobUri = p.uri ?? this.lastJobUri;
      return;
    }
    const job = this.jobs.get(key);
    this.jobs.delete(key);
    if (p.token !== undefined) {
      this.ended.add(key);
    }
    const icon = p.state === 'finished' ? '$(check)' : p.state === 'failed' ? '$(error)' : '$(circle-slash)';
    const title = p.title ?? job?.title ?? 'Job';
    this.last = { text: `${icon} ${p.message ?? `${title} ${p.state}`}`, tooltip: title };
  }

  isRunning(): boolean {
    return this.jobs.size > 0;
  }

  view(): StatusView {
    const jobs = [...this.jobs.values()];
    if (jobs.length > 0) {
      const job = jobs[jobs.length - 1];
      const pct = job.percentage !== undefined ? ` ${Math.round(job.percentage)}%` : '';
      const msg = job.message ? ` – ${job.message}` : '';
      const more = jobs.length > 1 ? ` (+${jobs.length - 1})` : '';
      return {
        visible: true,
        running: true,
        text: `$(sync~spin) ${job.title}${pct}${msg}${more}`,
        tooltip: `${job.title}${msg}${job.target ? `\nRuns on: ${job.target}` : ''}\nClick to cancel`,
      };
    }
    if (this.last) {
      return { visible: true, running: false, ...this.last };
    }
    return { visible: false, running: false, text: '', tooltip: '' };
  }
}
