/** Every accepted change, newest first, live: who, when, what — each with Undo (refusals explained). */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { JournalEntry } from '../../shared/protocol.ts';
import type { ControlData } from '../data/control-data.ts';
import { StoreController } from '../controllers/store-controller.ts';
import { ApiError } from '../data/api.ts';
import { countedDisplays } from '../data/delivery.ts';
import { explainUndoRefusal, undoEffect, type UndoRefusal } from '../data/undo-effects.ts';
import './session-dialog.ts';
import { formatClockSeconds } from '../../shared/time.ts';
import { parseInstant } from '../../shared/time-parse.ts';
import { LocaleController } from '../controllers/locale-controller.ts';
import { aroundData, isolatingNames, panelShortDay } from '../i18n/format.ts';
import { journalSentence } from '../data/journal-sentence.ts';
import { JOURNAL_OPERATIONS, type JournalOperation } from '../i18n/messages.ts';
import { baseStyles, sectionCard } from './styles.ts';
import { consume } from '@lit/context';
import { controlDataContext } from '../data/data-context.ts';

@customElement('journal-panel')
export class JournalPanel extends LitElement {
  static override styles = [
    baseStyles,
    sectionCard,
    css`
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        display: grid;
        grid-template-columns: 9rem 1fr auto;
        gap: 0.3rem 1rem;
        align-items: start;
        border-bottom: 1px solid #e3e6eb;
        padding: 0.5rem 0;
      }
      .when {
        font-variant-numeric: tabular-nums;
        color: var(--muted);
      }
      .who {
        font-weight: 700;
      }
      .operation {
        color: var(--muted);
        margin-inline-end: 0.3rem;
      }
      .undone {
        color: var(--muted);
      }
      .undone .what {
        text-decoration: line-through;
      }
      li .error,
      li .confirm {
        grid-column: 1 / -1;
        margin: 0;
      }
      @media (max-width: 600px) {
        li {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  @consume({ context: controlDataContext })
  @property({ attribute: false })
  data?: ControlData;
  /** Why an undo was refused, by the revision it was asked for. */
  @state() private refusals = new Map<number, UndoRefusal>();
  /** The undo waiting for "yes": its revision, the effect it names, and whether it is "Undo anyway". */
  @state() private confirming: { revision: number; effect: string; force: boolean } | null = null;
  /** A session opened from a refusal ("Open “Water”"), to clear the way. */
  @state() private openSessionId: string | null = null;
  @state() private busy: number | null = null;
  /** Show only this person's changes (a username); '' = everyone. */
  @state() private person = '';
  private readonly storeController = new StoreController(this, () => this.data);
  private readonly locale = new LocaleController(this);

  override render() {
    const store = this.data?.store;
    if (!store) return nothing;
    const people = new Map<string, string>();
    for (const entry of store.journal) people.set(entry.actor, entry.actorName ?? entry.actor);
    const t = this.locale.t;
    const entries = [...store.journal].reverse().filter((entry) => !this.person || entry.actor === this.person);
    return html`<section aria-labelledby="journal-heading">
      <h2 id="journal-heading">${t.journalHeading}</h2>
      <p class="hint">${t.journalHint}</p>
      <label for="journal-person">${t.journalPerson}</label>
      <select id="journal-person" @change=${(e: Event) => (this.person = (e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${this.person === ''}>${t.journalEveryone}</option>
        ${[...people].map(([actor, name]) => {
          const label = name === actor ? actor : `${name} (${actor})`;
          // An option cannot hold a <bdi>: data-name says which of its text is a person's name (data).
          return html`<option value=${actor} data-name=${label} ?selected=${this.person === actor}>${label}</option>`;
        })}
      </select>
      ${
        entries.length === 0
          ? html`<p>${t.journalEmpty}</p>`
          : html`<ol aria-label=${t.journalListLabel}>
              ${repeat(
                entries,
                (e) => e.revision,
                (e) => this.renderEntry(e),
              )}
            </ol>`
      }
      <session-dialog
        .sessionId=${this.openSessionId}
        @dialog-close=${() => (this.openSessionId = null)}
      ></session-dialog>
    </section>`;
  }

  private renderEntry(entry: JournalEntry) {
    const zone = this.data!.store.timezone;
    const at = parseInstant(entry.at, zone);
    const refusal = this.refusals.get(entry.revision);
    const t = this.locale.t;
    const operation = (JOURNAL_OPERATIONS as readonly string[]).includes(entry.operation)
      ? t.journalOperations[entry.operation as JournalOperation]
      : entry.operation;
    const summary = journalSentence(entry, { t, language: this.locale.language, zone });
    return html`<li class=${entry.undoneBy ? 'undone' : ''}>
      <span class="when"
        >${panelShortDay(at, zone, this.locale.language)} <bdi>${formatClockSeconds(at, zone)}</bdi></span
      >
      <span>
        <!-- A staff member's name is data: isolated, so a Latin name keeps its place in Arabic. -->
        <bdi class="who" title=${entry.actor}>${entry.actorName ?? entry.actor}</bdi>
        <span class="operation">${operation}</span>
        <!-- Worded from the entry's parameters; an older entry keeps the server's English (lang says which). -->
        <bdi class="what" lang=${summary.language}>${summary.text}</bdi>
        ${entry.undoneBy ? html`<span> ${t.journalUndoneBy(entry.undoneBy)}</span>` : nothing}
      </span>
      ${
        entry.undoneBy || entry.operation.startsWith('account.')
          ? html`<span></span>`
          : html`<button
              aria-label=${t.journalUndoLabel(summary.text)}
              ?disabled=${this.busy === entry.revision}
              @click=${() => this.askUndo(entry)}
            >
              ${t.journalUndo}
            </button>`
      }
      ${
        this.confirming?.revision === entry.revision
          ? html`<div class="notice confirm" role="alertdialog" aria-labelledby="confirm-${entry.revision}">
              <p id="confirm-${entry.revision}">
                <strong>${t.journalConfirmUndo(summary.text)}</strong> ${this.confirming.effect}
              </p>
              <div class="row">
                <button class="danger" @click=${() => this.undo(entry, this.confirming?.force)}>
                  ${t.journalYesUndo}
                </button>
                <button @click=${() => (this.confirming = null)}>${t.journalDontUndo}</button>
              </div>
            </div>`
          : nothing
      }
      ${
        refusal
          ? html`<div class="error" role="alert">
              <p>${isolatingNames(refusal.text, refusal.names)} ${isolatingNames(refusal.next, refusal.names)}</p>
              ${
                refusal.blockingSessionId && this.data!.store.session(refusal.blockingSessionId)
                  ? html`<button @click=${() => (this.openSessionId = refusal.blockingSessionId!)}>
                      ${aroundData(t.journalOpenSession, this.data!.store.session(refusal.blockingSessionId)!.title)}
                    </button>`
                  : nothing
              }
              ${
                refusal.forceable
                  ? html`<button
                      class="danger"
                      ?disabled=${this.busy === entry.revision}
                      @click=${() => this.askUndo(entry, true)}
                    >
                      ${t.journalUndoAnyway}
                    </button>`
                  : nothing
              }
            </div>`
          : nothing
      }
    </li>`;
  }

  /**
   * Undo at once when harmless; otherwise ask first, naming what will appear on the screens.
   * "Undo anyway" goes through the same question, so forcing never skips an emergency's confirmation.
   */
  private askUndo(entry: JournalEntry, force = false): void {
    const store = this.data!.store;
    const effect = undoEffect(
      entry,
      store.journal,
      store.schedule!,
      countedDisplays(store.displays).length,
      store.now(),
      this.locale.t,
    );
    if (effect) {
      this.confirming = { revision: entry.revision, effect, force };
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>('.confirm button:last-child')?.focus(),
      );
      return;
    }
    void this.undo(entry, force);
  }

  private async undo(entry: JournalEntry, force = false): Promise<void> {
    this.confirming = null;
    this.busy = entry.revision;
    const refusals = new Map(this.refusals);
    refusals.delete(entry.revision);
    this.refusals = refusals;
    try {
      await this.data!.actions.undo(entry.revision, force);
    } catch (error) {
      const body =
        error instanceof ApiError ? error.body : { error: error instanceof Error ? error.message : String(error) };
      this.refusals = new Map(this.refusals).set(
        entry.revision,
        explainUndoRefusal(body, entry, this.locale.t, this.data!.store.timezone),
      );
    } finally {
      this.busy = null;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journal-panel': JournalPanel;
  }
}
