/**
 * Compose an announcement (text and its translations, which screens, info or urgent, expiry), and
 * list and withdraw active ones.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Announcement } from '../../shared/model.ts';
import { LOBBY } from '../../shared/model.ts';
import type { AnnouncementInput } from '../../shared/commands.ts';
import type { ControlData } from '../data/control-data.ts';
import { StoreController } from '../controllers/store-controller.ts';
import { classifyError } from '../data/outcome.ts';
import { formatClock, toVenueIso } from '../../shared/time.ts';
import { parseInstant } from '../../shared/time-parse.ts';
import { hasStarted, isShowing } from '../../shared/announcements.ts';
import { venueGroups } from '../../shared/venue-groups.ts';
import { fromDayAndTime, toDayAndTime, venueName } from '../data/schedule-queries.ts';
import { baseStyles, sectionCard } from './styles.ts';
import { checkChoice, radioChoice } from './choice-inputs.ts';
import { LocaleController } from '../controllers/locale-controller.ts';
import { consume } from '@lit/context';
import { controlDataContext } from '../data/data-context.ts';
import { textAreaField, wholeNumberInput } from './field-inputs.ts';
import {
  textTranslations,
  translatedInto,
  translationProblems,
  type TranslationDraft,
  type TranslationProblems,
} from '../data/translation-draft.ts';
import type { TranslationsChangeEvent } from './translation-fields.ts';
import './translation-fields.ts';

@customElement('announcements-panel')
export class AnnouncementsPanel extends LitElement {
  static override styles = [
    baseStyles,
    sectionCard,
    css`
      section {
        margin-bottom: 1rem;
      }
      .layout {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr));
        gap: 1rem;
      }
      .rooms {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(8rem, 1fr));
        gap: 0.2rem 0.6rem;
        margin-top: 0.4rem;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      li {
        display: flex;
        gap: 0.8rem;
        align-items: start;
        justify-content: space-between;
        border-bottom: 1px solid #e3e6eb;
        padding: 0.5rem 0;
      }
      li p {
        margin: 0.1rem 0;
      }
      #expiry {
        width: 7rem;
      }
    `,
  ];

  @consume({ context: controlDataContext })
  @property({ attribute: false })
  data?: ControlData;
  @state() private text = '';
  @state() private translations: TranslationDraft = {};
  @state() private translationProblems: TranslationProblems = {};
  @state() private target: 'all' | 'some' = 'all';
  @state() private chosen = new Set<string>();
  /** "14:00", today in venue time; empty: at once. */
  @state() private startsAt = '';
  @state() private startsAtError = '';
  @state() private severity: 'info' | 'urgent' = 'info';
  @state() private expiry = '';
  @state() private message = '';
  @state() private error = '';
  @state() private busy = false;
  private readonly storeController = new StoreController(this, () => this.data);
  private readonly locale = new LocaleController(this);

  override render() {
    const schedule = this.data?.store.schedule;
    if (!schedule) return nothing;
    const rooms = schedule.venues.filter((v) => v.kind === 'room');
    const online = schedule.venues.filter((v) => v.kind === 'online');
    const groups = venueGroups(schedule.venues);
    const now = this.data!.store.now();
    // Scheduled ones are listed too (with their start), so staff see what is coming.
    const active = schedule.announcements.filter(
      (a) => isShowing(a, now, schedule.timezone) || !hasStarted(a, now, schedule.timezone),
    );
    const t = this.locale.t;
    return html`<div class="layout">
      <section aria-labelledby="compose-heading">
        <h2 id="compose-heading">${t.annNewHeading}</h2>
        <form novalidate @submit=${this.submit}>
          ${textAreaField({
            id: 'text',
            label: t.annText,
            value: this.text,
            maxLength: 1000,
            onInput: (text) => (this.text = text),
          })}
          <translation-fields
            field="text"
            .draft=${this.translations}
            .problems=${this.translationProblems}
            @translations-change=${(e: TranslationsChangeEvent) => (
              (this.translations = e.detail),
              (this.translationProblems = {})
            )}
          ></translation-fields>
          <fieldset>
            <legend>${t.annScreens}</legend>
            ${radioChoice('target', t.annAllScreens, this.target === 'all', () => (this.target = 'all'))}
            ${radioChoice('target', t.annSomeScreens, this.target === 'some', () => (this.target = 'some'))}
            ${
              this.target === 'some'
                ? html`<div class="rooms" role="group" aria-label=${t.annChosenScreens}>
                    ${checkChoice(t.annLobby, this.chosen.has(LOBBY), (on) => this.choose([LOBBY], on))}
                    ${groups.map((g) =>
                      checkChoice(
                        g.label,
                        g.venueIds.every((id) => this.chosen.has(id)),
                        (on) => this.choose(g.venueIds, on),
                      ),
                    )}
                    ${online.map((v) => checkChoice(t.annOnline(v.name), this.chosen.has(v.id), (on) => this.choose([v.id], on)))}
                    ${rooms.map((v) => checkChoice(v.name, this.chosen.has(v.id), (on) => this.choose([v.id], on)))}
                  </div>`
                : nothing
            }
          </fieldset>
          <fieldset>
            <legend>${t.annImportance}</legend>
            ${radioChoice('severity', t.annInfo, this.severity === 'info', () => (this.severity = 'info'))}
            ${radioChoice('severity', t.annUrgent, this.severity === 'urgent', () => (this.severity = 'urgent'))}
          </fieldset>
          <div class="field">
            <label for="starts">${t.annStartsAt}</label>
            <input
              id="starts"
              inputmode="numeric"
              placeholder="14:00"
              .value=${this.startsAt}
              aria-invalid=${this.startsAtError ? 'true' : 'false'}
              aria-describedby=${this.startsAtError ? 'starts-error' : 'starts-hint'}
              @input=${(e: Event) => ((this.startsAt = val(e)), (this.startsAtError = ''))}
            />
            ${this.startsAtError ? html`<p class="field-error" id="starts-error">${this.startsAtError}</p>` : nothing}
            <span class="hint" id="starts-hint">${t.annStartsHint}</span>
          </div>
          <div class="field">
            <label for="expiry">${t.annExpiry}</label>
            ${wholeNumberInput({
              id: 'expiry',
              value: this.expiry,
              min: 1,
              describedBy: 'expiry-hint',
              onInput: (text) => (this.expiry = text),
            })}
            <span class="hint" id="expiry-hint">${t.annExpiryHint}</span>
          </div>
          ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
          ${this.message ? html`<p class="ok" role="status">${this.message}</p>` : nothing}
          <button class="primary" type="submit" ?disabled=${this.busy}>${t.annPublish}</button>
        </form>
      </section>
      <section aria-labelledby="active-heading">
        <h2 id="active-heading">${t.annActiveHeading}</h2>
        ${
          active.length === 0
            ? html`<p>${t.annNone}</p>`
            : html`<ul>
                ${active.map((a) => this.renderActive(a))}
              </ul>`
        }
      </section>
    </div>`;
  }

  private renderActive(a: Announcement) {
    const schedule = this.data!.store.schedule!;
    const zone = schedule.timezone;
    const t = this.locale.t;
    const where = a.venueIds?.length
      ? a.venueIds.map((id) => (id === LOBBY ? t.annLobby : venueName(schedule, id))).join(', ')
      : t.annAllScreens;
    return html`<li>
      <div>
        <p>
          ${a.severity === 'urgent' ? html`<span class="badge urgent">${t.annUrgent}</span> ` : nothing}<bdi dir="auto"
            >${a.text}</bdi
          >
        </p>
        ${a.translations ? html`<p class="hint">${t.trTranslatedInto(translatedInto(a.translations))}</p>` : nothing}
        <p class="hint">
          ${where} ·
          ${a.startsAt && !hasStarted(a, this.data!.store.now(), zone) ? t.annFrom(formatClock(parseInstant(a.startsAt, zone), zone)) : ''}${a.expiresAt ? t.annUntil(formatClock(parseInstant(a.expiresAt, zone), zone)) : t.annUntilWithdrawn}
        </p>
      </div>
      <button class="danger" aria-label=${t.annWithdrawLabel(a.text)} @click=${() => this.withdraw(a)}>
        ${t.annWithdraw}
      </button>
    </li>`;
  }

  private choose(ids: readonly string[], on: boolean): void {
    const next = new Set(this.chosen);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    this.chosen = next;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this.error = '';
    this.message = '';
    const input: AnnouncementInput = { text: this.text.trim(), severity: this.severity };
    if (!input.text) return void (this.error = this.locale.t.annTextMissing);
    this.translationProblems = translationProblems(this.translations, 'text', this.locale.t.trEmpty);
    if (Object.keys(this.translationProblems).length > 0) return;
    const translations = textTranslations(this.translations);
    if (Object.keys(translations).length > 0) input.translations = translations;
    if (this.target === 'some') {
      if (this.chosen.size === 0) return void (this.error = this.locale.t.annScreensMissing);
      input.venueIds = [...this.chosen];
    }
    if (this.expiry.trim()) {
      const minutes = Number(this.expiry);
      if (!Number.isInteger(minutes) || minutes < 1) return void (this.error = this.locale.t.annExpiryInvalid);
      input.expiresInMinutes = minutes;
    }
    if (this.startsAt.trim()) {
      const zone = this.data!.store.timezone;
      const today = toDayAndTime(toVenueIso(this.data!.store.now(), zone), zone).day;
      const start = fromDayAndTime(today, this.startsAt, zone);
      if (start === null) {
        this.startsAtError = this.locale.t.annStartsInvalid;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#starts')?.focus();
        return;
      }
      input.startsAt = toVenueIso(start, zone);
    }
    this.busy = true;
    try {
      await this.data!.actions.announce(input);
      this.text = '';
      this.translations = {};
      this.expiry = '';
      this.startsAt = '';
      // The next message starts from "All screens": a room-only target must never be inherited unseen.
      this.target = 'all';
      this.chosen = new Set();
      this.severity = 'info';
      this.message = input.startsAt
        ? this.locale.t.annScheduled(this.startsAtLabel(input.startsAt))
        : this.locale.t.annPublished;
    } catch (error) {
      this.error = classifyError(error).message;
    } finally {
      this.busy = false;
    }
  }

  private startsAtLabel(iso: string): string {
    const zone = this.data!.store.timezone;
    return formatClock(parseInstant(iso, zone), zone);
  }

  private async withdraw(a: Announcement): Promise<void> {
    this.error = '';
    this.message = '';
    try {
      await this.data!.actions.withdrawAnnouncement(a.id);
      this.message = this.locale.t.annWithdrawn(a.text);
    } catch (error) {
      this.error = classifyError(error).message;
    }
  }
}

function val(event: Event): string {
  return (event.target as HTMLInputElement).value;
}

declare global {
  interface HTMLElementTagNameMap {
    'announcements-panel': AnnouncementsPanel;
  }
}
