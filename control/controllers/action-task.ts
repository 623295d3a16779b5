/**
 * A staff action with busy and error state: the Task of @lit/task, run on demand only, with its
 * error in staff words (classifyError). Components read `busy` and `errorText` while rendering.
 */
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import { classifyError } from '../data/outcome.ts';

export class ActionTask<Args extends readonly unknown[], Result = unknown> extends Task<Args, Result> {
  private errorDismissed = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    action: (...args: Args) => Promise<Result>,
  ) {
    super(host, { task: (args) => action(...args), autoRun: false });
  }

  get busy(): boolean {
    return this.status === TaskStatus.PENDING;
  }

  /** '' unless the last run failed. */
  get errorText(): string {
    return this.status === TaskStatus.ERROR && !this.errorDismissed ? classifyError(this.error).message : '';
  }

  /** Hides the last failure (the staff member starts over); the next run shows its own. */
  dismissError(): void {
    this.errorDismissed = true;
    this.host.requestUpdate();
  }

  /** Runs the action; true when it succeeded (the error, if any, is in errorText). */
  async perform(...args: Args): Promise<boolean> {
    this.errorDismissed = false;
    await this.run(args);
    return this.status === TaskStatus.COMPLETE;
  }
}
