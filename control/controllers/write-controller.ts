/**
 * One write on a session, with the ways it can be refused handled the same everywhere:
 * a stale version (someone else changed it first) offers "Retry with my change" / "Discard";
 * a room clash explains who holds the room and offers to go ahead anyway (force: true);
 * anything else shows the server's message. Every attempt sends the session version it is based on.
 */
import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { Session } from '../../shared/model.ts';
import type { ControlData } from '../data/control-data.ts';
import { classifyError, type WriteProblem } from '../data/outcome.ts';
import { slotLabel, venueName } from '../data/schedule-queries.ts';
import { panelLocale } from '../i18n/panel-locale.ts';
import { aroundData } from '../i18n/format.ts';
import '../components/conflict-notice.ts';

export interface WriteOptions {
  expectedVersion: number;
  force?: boolean;
  /** Set by the clash notice's "Shift the rest of the room's day" (delays only). */
  shiftFollowing?: boolean;
}

export interface WriteRequest {
  sessionId: string;
  /** The version the change is based on (what the staff member saw). */
  version: number;
  /** "Move to M3", "Delay by 10 min": shown back in a conflict. */
  description: string;
  /** The room that could be taken, to explain a clash. */
  venueId?: string;
  /** Label of the button that forces through a clash ("Move anyway"). */
  forceLabel?: string;
  /** Label of the button that gives up after a clash; "Keep as it was" only fits when something existed. */
  keepLabel?: string;
  /** A delay into a busy slot may instead push the rest of the room's day along with it. */
  offerShift?: boolean;
  send: (options: WriteOptions) => Promise<unknown>;
  /**
   * For relative changes (delay by N): a colleague's change is not overwritten but built upon, so
   * the notice says what happened and offers to apply this change on top ("delay 5 min more?").
   */
  relative?: { explain: (current: Session, changedBy: string) => string; againLabel: string };
  /** Called after success. */
  done?: () => void;
}

/** Not a lifecycle controller: it only needs its host to re-render when a write's state changes. */
export class WriteController {
  busy = false;
  problem: WriteProblem | null = null;
  private request: WriteRequest | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly data: () => ControlData | undefined,
    /** Called when the staff member discards their change after a conflict: reset the form. */
    private readonly onDiscard: () => void = () => undefined,
  ) {}

  run(request: WriteRequest): Promise<boolean> {
    this.request = request;
    return this.attempt({ expectedVersion: request.version });
  }

  clear(): void {
    this.problem = null;
    this.request = null;
    this.host.requestUpdate();
  }

  /** The refusal, explained, with its choices; nothing when the last write went through. */
  render() {
    const problem = this.problem;
    const request = this.request;
    const store = this.data()?.store;
    if (!problem || !request || !store?.schedule) return nothing;
    // Its hosts follow the panel language (LocaleController), so reading the messages here is current.
    const t = panelLocale.messages;
    switch (problem.kind) {
      case 'stale': {
        const current = store.session(request.sessionId) ?? problem.current;
        if (request.relative && current) {
          return html`<div class="notice" role="alert">
            <p><strong>${request.relative.explain(current, problem.changedBy ?? t.wrColleague)}</strong></p>
            <div class="row">
              <button class="primary" @click=${this.retryStale}>${request.relative.againLabel}</button>
              <button @click=${this.discard}>${t.wrLeave}</button>
            </div>
          </div>`;
        }
        return html`<conflict-notice
          .schedule=${store.schedule}
          .current=${store.session(request.sessionId)}
          .mine=${request.description}
          @retry=${this.retryStale}
          @discard=${this.discard}
        ></conflict-notice>`;
      }
      case 'clash': {
        const venue = venueName(store.schedule, request.venueId ?? store.session(request.sessionId)?.venueId ?? '');
        return html`<div class="notice" role="alert">
          <p>
            <strong
              >${aroundData(t.wrTaken, venue, problem.clash.title, slotLabel(problem.clash, store.timezone))}</strong
            >
          </p>
          <div class="row">
            ${request.offerShift ? html`<button class="primary" @click=${this.shift}>${t.delShift}</button>` : nothing}
            <button class=${request.offerShift ? '' : 'primary'} @click=${this.force}>
              ${request.forceLabel ?? t.wrGoAhead}
            </button>
            <button @click=${() => this.clear()}>${request.keepLabel ?? t.wrKeepAsItWas}</button>
          </div>
        </div>`;
      }
      case 'error':
        return html`<p class="error" role="alert">${problem.message}</p>`;
    }
  }

  private async attempt(options: WriteOptions): Promise<boolean> {
    const request = this.request;
    if (!request) return false;
    this.busy = true;
    this.problem = null;
    this.host.requestUpdate();
    try {
      await request.send(options);
      this.request = null;
      request.done?.();
      return true;
    } catch (error) {
      this.problem = classifyError(error);
      return false;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  private readonly retryStale = () => {
    const request = this.request;
    const problem = this.problem;
    if (!request || problem?.kind !== 'stale') return;
    const current = this.data()?.store.session(request.sessionId)?.version;
    const version = Math.max(problem.currentVersion ?? 0, current ?? 0);
    request.version = version;
    void this.attempt({ expectedVersion: version });
  };

  private readonly force = () => {
    const request = this.request;
    if (!request) return;
    void this.attempt({ expectedVersion: request.version, force: true });
  };

  private readonly shift = () => {
    const request = this.request;
    if (!request) return;
    void this.attempt({ expectedVersion: request.version, shiftFollowing: true });
  };

  private readonly discard = () => {
    this.clear();
    this.onDiscard();
  };
}
