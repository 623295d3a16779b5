/**
 * <import-panel>: staff pick a schedule file (UN programme text, our CSV, c3voc schedule.json),
 * see what it would change, then Apply it as one revision or Cancel. Nothing changes before
 * Apply. Standalone: it talks to the server through ImportApi and reports back with events.
 *
 *   <import-panel .api=${new ImportApi()}></import-panel>
 *   events: import-applied  { revision, counts, summary }   (bubbles, composed)
 *           import-cancelled
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ImportPreview, PlanChange } from '../../shared/import-plan.ts';
import type { Conference, Session } from '../../shared/model.ts';
import { formatClock } from '../../shared/time.ts';
import { parseInstant } from '../../shared/time-parse.ts';
import { LocaleController } from '../controllers/locale-controller.ts';
import { panelDay } from '../i18n/format.ts';
import type { PanelMessages } from '../i18n/messages.ts';
import {
  ImportApi,
  ImportApiError,
  readScheduleFile,
  type ImportProblem,
  type ReadOptions,
} from '../data/import-api.ts';
import { baseStyles, dataTable } from './styles.ts';
import { tableHead } from './field-inputs.ts';

interface Row {
  change: string;
  session: Session;
  detail: TemplateResult;
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
  /** The last import applied: its revision and the server's (English) summary of it. */
  @state() private applied: { revision: number; summary: string } | null = null;
  @state() private busy = false;
  private readonly locale = new LocaleController(this);

  override render() {
    const t = this.locale.t;
    return html`<section aria-labelledby="import-heading">
      <h2 id="import-heading">${t.impHeading}</h2>
      <p class="hint">${t.impHint}</p>
      <div class="field">
        <label for="import-file">${t.impFile}</label>
        <input
          id="import-file"
          type="file"
          accept=".txt,.csv,.json,text/plain,text/csv,application/json"
          ?disabled=${this.busy}
          @change=${this.choose}
        />
      </div>
      <fieldset class="read-options" ?disabled=${this.busy}>
        <legend>${t.impReadLegend}</legend>
        ${this.readField('timezone', t.impTimezone, 'Europe/Vienna')}
        ${this.readField('from', t.impRepeatFrom, t.impDatePlaceholder)}
        ${this.readField('to', t.impRepeatTo, t.impDatePlaceholder)}
        ${this.readField('columns', t.impColumns, t.impColumnsPlaceholder)}
      </fieldset>
      <label
        ><input type="checkbox" .checked=${this.keepMissing} ?disabled=${this.busy} @change=${this.toggleKeep} />
        ${t.impKeep}</label
      >
      ${this.busy ? html`<p role="status">${t.impWorking}</p>` : nothing}
      ${this.error && !this.isReadField(this.errorField) ? this.renderError() : nothing} ${this.renderNotice()}
      ${this.preview ? this.renderPreview(this.preview) : nothing}
      <div class="row">
        <button class="primary" ?disabled=${!this.canApply()} @click=${this.apply}>${t.impApply}</button>
        <button ?disabled=${this.busy || (!this.preview && !this.error && !this.fileName)} @click=${this.cancel}>
          ${t.impCancel}
        </button>
      </div>
    </section>`;
  }

  /** What the last Apply did; the server's summary is English data, isolated as the journal does. */
  private renderNotice() {
    const applied = this.applied;
    if (!this.notice && !applied) return nothing;
    return html`<p role="status" class="notice">
      ${applied ? html`${this.locale.t.impApplied(applied.revision)} <bdi lang="en">${applied.summary}</bdi>` : this.notice}
    </p>`;
  }

  private renderError() {
    const t = this.locale.t;
    const at = this.fileName.toLowerCase().endsWith('.csv') ? t.impRowAt : t.impLineAt;
    // The server names the problems in English: they are quoted as sent, after our own row/line words.
    return html`<div role="alert" class="problems">
      <p class="error"><bdi>${this.error}</bdi></p>
      ${
        this.problems.length > 1 || (this.problems[0] && this.problems[0].message !== this.error)
          ? html`<ul>
              ${this.problems.map((p) => html`<li>${p.line ? at(p.line) : ''}<bdi>${p.message}</bdi></li>`)}
            </ul>`
          : nothing
      }
    </div>`;
  }

  private renderPreview(preview: ImportPreview) {
    const rows = this.rowsOf(preview);
    const t = this.locale.t;
    const rooms = preview.venuesAdded.map((v) => v.name).join(', ');
    return html`${preview.conference ? html`<p class="conference">${conferenceLine(preview.conference, t)}</p>` : nothing}
      <table>
        <caption>
          <bdi>${this.fileName}</bdi
          >${` (${preview.format}): `}${t.impSummary(rows.length, preview.unchanged)}${rooms ? t.impNewRooms(rooms) : ''}${
            preview.translated ? t.impTranslated(preview.translated) : ''
          }
        </caption>
        ${tableHead([t.impColChange, t.impColSession, t.impColDetails])}
        <tbody>
          ${rows.map(
            (r) =>
              html`<tr>
                <td>${r.change}</td>
                <td><bdi>${r.session.title}</bdi></td>
                <td>${r.detail}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${
        preview.warnings.length
          ? html`<div class="notice">
              <p>${t.impWarnings}</p>
              <ul>
                ${preview.warnings.map((w) => html`<li>${w.line ? t.impLineAt(w.line) : ''}<bdi>${w.message}</bdi></li>`)}
              </ul>
            </div>`
          : nothing
      }`;
  }

  private rowsOf(preview: ImportPreview): Row[] {
    const zone = preview.timezone;
    const t = this.locale.t;
    const language = this.locale.language;
    const clock = (iso: string) => formatClock(parseInstant(iso, zone), zone);
    const when = (s: Session) =>
      `${panelDay(parseInstant(s.start, zone), zone, language)} ${clock(s.start)}–${clock(s.end)}`;
    // Room ids are data (an "Online" room is not our word): isolated like titles.
    const room = (venueId: string) => html`<bdi>${venueId}</bdi>`;
    const changed =
      (label: string, detail: (c: PlanChange) => TemplateResult) =>
      (c: PlanChange): Row => ({ change: label, session: c.after, detail: detail(c) });
    return [
      ...preview.added.map((s) => ({ change: t.impAdded, session: s, detail: html`${room(s.venueId)}, ${when(s)}` })),
      ...preview.removed.map((s) => ({
        change: preview.missing === 'cancel' ? t.impCancelled : t.impKept,
        session: s,
        detail: html`${t.impNotInFile} (${room(s.venueId)}, ${when(s)})`,
      })),
      ...preview.moved.map(
        changed(
          t.impMoved,
          (c) => html`${room(c.before.venueId)} ${t.impArrow} ${room(c.after.venueId)}, ${when(c.after)}`,
        ),
      ),
      ...preview.retimed.map(changed(t.impNewTime, (c) => html`${when(c.before)} ${t.impArrow} ${when(c.after)}`)),
      ...preview.changed.map(
        changed(
          t.impEdited,
          (c) => html`${t.impChangedFields(t.listAnd(c.fields.map((f) => t.impFieldWords[f] ?? f)))}`,
        ),
      ),
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
        this.applied = { revision: applied.revision, summary: applied.entry.summary };
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
        this.notice = this.locale.t.impStale;
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
    this.applied = null;
  }

  private clearInput(): void {
    const input = this.renderRoot.querySelector<HTMLInputElement>('#import-file');
    if (input) input.value = '';
  }
}

/** "Conference: “CCPCJ 33” → “CrimeCOP 12”, days change at 04:00" — what applying sets besides the sessions. */
function conferenceLine(change: NonNullable<ImportPreview['conference']>, t: PanelMessages) {
  const name = (c: Conference) => ((c.title ?? c.acronym) ? `“${c.title ?? c.acronym}”` : t.impConferenceUnnamed);
  const before = change.before ? name(change.before) : t.impConferenceNone;
  const dayChange = change.after.dayChange ? t.impDayChange(change.after.dayChange) : '';
  // The conference's names are data, each isolated so the arrow stays between them in Arabic.
  return html`${t.impConference} <bdi>${before}</bdi> ${t.impArrow} <bdi>${name(change.after)}</bdi>${dayChange}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'import-panel': ImportPanel;
  }
}
