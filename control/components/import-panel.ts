/**
 * <import-panel>: staff pick a schedule file (UN programme text, our CSV, c3voc schedule.json),
 * see what it would change, then Apply it as one revision or Cancel. Nothing changes before
 * Apply. Standalone: it talks to the server through ImportApi and reports back with events.
 *
 *   <import-panel .api=${new ImportApi()}></import-panel>
 *   events: import-applied  { revision, counts, summary }   (bubbles, composed)
 *           import-cancelled
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ImportPreview, PlanChange } from '../../shared/import-plan.ts';
import type { Conference, Session } from '../../shared/model.ts';
import { formatClock, formatDay, parseInstant } from '../../shared/time.ts';
import {
  ImportApi,
  ImportApiError,
  readScheduleFile,
  type ImportProblem,
  type ReadOptions,
} from '../data/import-api.ts';
import { baseStyles, dataTable } from './styles.ts';
import { tableHead } from './field-inputs.ts';

const FIELD_WORDS: Record<string, string> = {
  title: 'title',
  kind: 'kind',
  start: 'start',
  end: 'end',
  venueId: 'room',
  organizers: 'organisers',
  online: 'online details',
  agendaItems: 'agenda',
  status: 'status',
};

interface Row {
  change: string;
  session: Session;
  detail: string;
}

@customElement('import-panel')
export class ImportPanel extends LitElement {
  static override styles = [
    baseStyles,
    dataTable,
    css`
      section {
        display: grid;
        gap: 0.6rem;
      }
      caption {
        text-align: start;
        font-weight: 600;
        padding-bottom: 0.3rem;
      }
      .row {
        display: flex;
        gap: 0.5rem;
        flex-wrap: wrap;
      }
      .problems {
        color: var(--danger);
      }
    `,
  ];

  @property({ attribute: false }) api = new ImportApi();
  @state() private text = '';
  @state() private fileName = '';
  @state() private keepMissing = false;
  /** Read options, as for npm run import: for files without a zone, recurring events, own columns. */
  @state() private read: ReadOptions = {};
  /** The read option the last error is about, shown beside that field. */
  @state() private errorField = '';
  @state() private preview: ImportPreview | null = null;
  @state() private error = '';
  @state() private problems: ImportProblem[] = [];
  @state() private notice = '';
  @state() private busy = false;

  override render() {
    return html`<section aria-labelledby="import-heading">
      <h2 id="import-heading">Import a schedule</h2>
      <p class="hint">
        UN programme text, our CSV export, or a c3voc schedule.json from pretalx or frab. Nothing changes until you
        press Apply.
      </p>
      <div class="field">
        <label for="import-file">Schedule file</label>
        <input
          id="import-file"
          type="file"
          accept=".txt,.csv,.json,text/plain,text/csv,application/json"
          ?disabled=${this.busy}
          @change=${this.choose}
        />
      </div>
      <fieldset class="read-options" ?disabled=${this.busy}>
        <legend>How to read the file (optional)</legend>
        ${this.readField('timezone', 'Time zone', 'Europe/Vienna')}
        ${this.readField('from', 'Repeat events from', 'YYYY-MM-DD')} ${this.readField('to', 'to', 'YYYY-MM-DD')}
        ${this.readField('columns', 'Spreadsheet columns', 'title=Session,start=From')}
      </fieldset>
      <label
        ><input type="checkbox" .checked=${this.keepMissing} ?disabled=${this.busy} @change=${this.toggleKeep} /> Keep
        sessions the file does not list (otherwise they are cancelled)</label
      >
      ${this.busy ? html`<p role="status">Working…</p>` : nothing}
      ${this.error && !this.isReadField(this.errorField) ? this.renderError() : nothing}
      ${this.notice ? html`<p role="status" class="notice">${this.notice}</p>` : nothing}
      ${this.preview ? this.renderPreview(this.preview) : nothing}
      <div class="row">
        <button class="primary" ?disabled=${!this.canApply()} @click=${this.apply}>Apply</button>
        <button ?disabled=${this.busy || (!this.preview && !this.error && !this.fileName)} @click=${this.cancel}>
          Cancel
        </button>
      </div>
    </section>`;
  }

  private renderError() {
    const unit = this.fileName.toLowerCase().endsWith('.csv') ? 'Row' : 'Line';
    return html`<div role="alert" class="problems">
      <p class="error">${this.error}</p>
      ${
        this.problems.length > 1 || (this.problems[0] && this.problems[0].message !== this.error)
          ? html`<ul>
              ${this.problems.map((p) => html`<li>${p.line ? `${unit} ${p.line}: ` : ''}${p.message}</li>`)}
            </ul>`
          : nothing
      }
    </div>`;
  }

  private renderPreview(preview: ImportPreview) {
    const rows = this.rowsOf(preview);
    return html`${preview.conference ? html`<p class="conference">${conferenceLine(preview.conference)}</p>` : nothing}
      <table>
        <caption>
          ${this.fileName} (${preview.format}):
          ${rows.length === 0 ? 'no changes' : `${rows.length} ${rows.length === 1 ? 'change' : 'changes'}`},
          ${preview.unchanged}
          unchanged${preview.venuesAdded.length ? `, new rooms: ${preview.venuesAdded.map((v) => v.name).join(', ')}` : ''}${
            preview.translated ? `, ${preview.translated} with translated titles` : ''
          }
        </caption>
        ${tableHead(['Change', 'Session', 'Details'])}
        <tbody>
          ${rows.map(
            (r) =>
              html`<tr>
                <td>${r.change}</td>
                <td>${r.session.title}</td>
                <td>${r.detail}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${
        preview.warnings.length
          ? html`<div class="notice">
              <p>Warnings:</p>
              <ul>
                ${preview.warnings.map((w) => html`<li>${w.line ? `Line ${w.line}: ` : ''}${w.message}</li>`)}
              </ul>
            </div>`
          : nothing
      }`;
  }

  private rowsOf(preview: ImportPreview): Row[] {
    const zone = preview.timezone;
    const when = (s: Session) =>
      `${formatDay(parseInstant(s.start, zone), zone)} ${formatClock(parseInstant(s.start, zone), zone)}–${formatClock(parseInstant(s.end, zone), zone)}`;
    const changed =
      (label: string) =>
      (c: PlanChange): Row => ({
        change: label,
        session: c.after,
        detail:
          label === 'Moved'
            ? `${c.before.venueId} → ${c.after.venueId}, ${when(c.after)}`
            : label === 'New time'
              ? `${when(c.before)} → ${when(c.after)}`
              : `Changed: ${c.fields.map((f) => FIELD_WORDS[f] ?? f).join(', ')}`,
      });
    return [
      ...preview.added.map((s) => ({ change: 'Added', session: s, detail: `${s.venueId}, ${when(s)}` })),
      ...preview.removed.map((s) => ({
        change: preview.missing === 'cancel' ? 'Cancelled' : 'Kept',
        session: s,
        detail: `not in the file (${s.venueId}, ${when(s)})`,
      })),
      ...preview.moved.map(changed('Moved')),
      ...preview.retimed.map(changed('New time')),
      ...preview.changed.map(changed('Edited')),
    ];
  }

  private canApply(): boolean {
    const p = this.preview;
    if (!p || this.busy) return false;
    const cancels = p.missing === 'cancel' ? p.removed.length : 0;
    const sessions = p.added.length + cancels + p.moved.length + p.retimed.length + p.changed.length;
    return sessions + p.venuesAdded.length > 0 || p.conference !== undefined;
  }

  private readonly choose = async (event: Event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    this.reset();
    if (!file) return;
    this.fileName = file.name;
    await this.run(async () => {
      this.text = await readScheduleFile(file);
      await this.refresh();
    });
  };

  private isReadField(name: string): boolean {
    return ['timezone', 'from', 'to', 'columns'].includes(name);
  }

  private readField(name: keyof ReadOptions, label: string, placeholder: string) {
    const fieldError = this.errorField === name ? this.error : '';
    return html`<span class="field">
      <label for="import-${name}">${label}</label>
      <input
        id="import-${name}"
        placeholder=${placeholder}
        .value=${this.read[name] ?? ''}
        aria-invalid=${fieldError ? 'true' : 'false'}
        @change=${(event: Event) => this.setRead(name, (event.target as HTMLInputElement).value)}
      />
      ${fieldError ? html`<span class="field-error" role="alert">${fieldError}</span>` : nothing}
    </span>`;
  }

  private async setRead(name: keyof ReadOptions, value: string): Promise<void> {
    this.read = { ...this.read, [name]: value.trim() };
    if (this.text) await this.run(() => this.refresh());
  }

  private readonly toggleKeep = async (event: Event) => {
    this.keepMissing = (event.target as HTMLInputElement).checked;
    if (this.text) await this.run(() => this.refresh());
  };

  private async refresh(): Promise<void> {
    this.preview = await this.api.preview(this.text, this.keepMissing ? 'keep' : 'cancel', this.read);
  }

  private readonly apply = async () => {
    const preview = this.preview;
    if (!preview) return;
    await this.run(async () => {
      try {
        const applied = await this.api.apply(this.text, preview.revision, preview.missing, this.read);
        this.reset();
        this.clearInput();
        this.notice = `Applied as revision ${applied.revision}: ${applied.entry.summary}`;
        this.dispatchEvent(
          new CustomEvent('import-applied', {
            detail: { revision: applied.revision, counts: applied.counts, summary: applied.entry.summary },
            bubbles: true,
            composed: true,
          }),
        );
      } catch (error) {
        if (!(error instanceof ImportApiError) || error.status !== 409) throw error;
        // Someone changed the schedule meanwhile: show what the file would change now.
        await this.refresh();
        this.notice = 'The schedule changed since the preview. Check the updated preview, then apply again.';
      }
    });
  };

  private readonly cancel = () => {
    this.reset();
    this.clearInput();
    this.dispatchEvent(new CustomEvent('import-cancelled', { bubbles: true, composed: true }));
  };

  private async run(task: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.error = '';
    this.errorField = '';
    this.problems = [];
    try {
      await task();
    } catch (error) {
      this.preview = null;
      this.error = error instanceof Error ? error.message : String(error);
      this.problems = error instanceof ImportApiError ? error.problems : [];
      this.errorField = error instanceof ImportApiError ? (error.field ?? '') : '';
    } finally {
      this.busy = false;
    }
  }

  private reset(): void {
    this.text = '';
    this.fileName = '';
    this.preview = null;
    this.error = '';
    this.problems = [];
    this.notice = '';
  }

  private clearInput(): void {
    const input = this.renderRoot.querySelector<HTMLInputElement>('#import-file');
    if (input) input.value = '';
  }
}

/** "Conference: “CCPCJ 33” → “CrimeCOP 12”, day ends at 04:00" — what applying sets besides the sessions. */
function conferenceLine(change: NonNullable<ImportPreview['conference']>): string {
  const name = (c: Conference | null) => c?.title ?? c?.acronym ?? 'unnamed';
  const before = change.before ? `“${name(change.before)}”` : 'none';
  const dayChange = change.after.dayChange ? `, days change at ${change.after.dayChange}` : '';
  return `Conference: ${before} → “${name(change.after)}”${dayChange}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'import-panel': ImportPanel;
  }
}
