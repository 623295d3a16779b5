/**
 * Move a session to another venue and/or give it a new time. Venues free for the chosen slot come
 * first; busy ones say who holds them. A clash refused by the server is explained, with "Move anyway".
 */
import { css, html, nothing } from 'lit';
import { SessionDraftForm } from './session-draft-form.ts';
import { customElement, state } from 'lit/decorators.js';
import type { Session } from '../../shared/model.ts';
import { formatClock, toVenueIso } from '../../shared/time.ts';
import { programmeDays, slotLabel, toDayAndTime, venueChoices, venueName } from '../data/schedule-queries.ts';
import {
  checkSlot,
  focusFirstInvalid,
  followStart,
  slotTimes,
  slotFields,
  type SlotDraft,
  type SlotErrors,
} from './slot-fields.ts';
import { baseStyles } from './styles.ts';
import { LocaleController } from '../controllers/locale-controller.ts';

@customElement('place-time-form')
export class PlaceTimeForm extends SessionDraftForm {
  static override styles = [
    baseStyles,
    css`
      select#venue {
        width: 100%;
      }
      input.time {
        width: 6rem;
      }
    `,
  ];

  @state() private venueId = '';
  private readonly locale = new LocaleController(this);
  @state() private when: SlotDraft = { day: '', start: '', end: '' };
  /** Shown once the staff member tried to save, then kept current as they type. */
  @state() private errors: SlotErrors | null = null;

  override render() {
    const session = this.session;
    const schedule = this.data?.store.schedule;
    if (!session || !schedule) return nothing;
    const zone = schedule.timezone;
    const slot = slotTimes(this.when, zone);
    const choices = slot ? venueChoices(schedule, session, slot.start, slot.end) : [];
    const free = choices.filter((c) => !c.clash);
    const busy = choices.filter((c) => c.clash);
    const t = this.locale.t;
    const option = (c: (typeof choices)[number]) =>
      // An option holds text only: dir="auto" reads it from the venue's name, which leads it.
      html`<option value=${c.venue.id} dir="auto" ?selected=${c.venue.id === this.venueId}>
        ${c.venue.name}${c.venue.id === session.venueId ? ` ${t.ptCurrent}` : ''}${c.venue.kind === 'online' ? ` — ${t.ptOnline}` : ''}${
          c.clash ? ` — ${t.ptBusyWith(c.clash.title, slotLabel(c.clash, zone))}` : ''
        }
      </option>`;
    return html`<form novalidate @submit=${this.submit}>
      <fieldset>
        <legend>${t.ptLegend}</legend>
        ${slotFields({
          idPrefix: 'when',
          draft: this.when,
          days: programmeDays(schedule),
          zone,
          errors: this.errors ?? {},
          onChange: (draft) => this.changeSlot(draft),
          t,
          language: this.locale.language,
        })}
        <div class="field">
          <label for="venue">${t.ptVenue}</label>
          <select id="venue" @change=${this.onVenue}>
            ${choices.length === 0 ? html`<option value=${this.venueId} dir="auto" selected>${venueName(schedule, this.venueId)}</option>` : nothing}
            ${free.length ? html`<optgroup label=${t.ptFree}>${free.map(option)}</optgroup>` : nothing}
            ${busy.length ? html`<optgroup label=${t.ptBusy}>${busy.map(option)}</optgroup>` : nothing}
          </select>
        </div>
        ${this.write.render()} ${this.saved ? html`<p class="ok" role="status">${this.saved}</p>` : nothing}
        <button class="primary" type="submit" ?disabled=${this.write.busy}>${t.ptSave}</button>
      </fieldset>
    </form>`;
  }

  protected fillDraft(session: Session): void {
    const zone = this.data!.store.timezone;
    const start = toDayAndTime(session.start, zone);
    this.venueId = session.venueId;
    this.when = { day: start.day, start: start.time, end: toDayAndTime(session.end, zone).time };
    this.errors = null;
  }

  private onVenue(event: Event): void {
    this.venueId = (event.target as HTMLSelectElement).value;
    this.edited();
  }

  private changeSlot(draft: SlotDraft): void {
    const zone = this.data!.store.timezone;
    this.when = followStart(this.when, draft, zone);
    if (this.errors) {
      const slot = checkSlot(this.when, zone, this.locale.t);
      this.errors = 'errors' in slot ? slot.errors : null;
    }
    this.edited();
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const session = this.base;
    const data = this.data;
    if (!session || !data) return;
    this.saved = '';
    const zone = data.store.timezone;
    const slot = checkSlot(this.when, zone, this.locale.t);
    if ('errors' in slot) {
      this.errors = slot.errors;
      this.write.clear();
      await focusFirstInvalid(this);
      return;
    }
    this.errors = null;
    const venueId = this.venueId;
    // The patch is what differs from the session as it is when sent, so "Retry with my change"
    // after a colleague's edit really puts back every part of what the notice calls "your change".
    const patchAgainst = (current: Session) => {
      const patch: { venueId?: string; start?: string; end?: string } = {};
      if (venueId !== current.venueId) patch.venueId = venueId;
      if (slot.start !== Date.parse(current.start)) patch.start = toVenueIso(slot.start, zone);
      if (slot.end !== Date.parse(current.end)) patch.end = toVenueIso(slot.end, zone);
      return patch;
    };
    const patch = patchAgainst(session);
    if (Object.keys(patch).length === 0) {
      this.saved = this.locale.t.ptNothing;
      return;
    }
    const target = venueName(data.store.schedule!, this.venueId);
    const when = `${formatClock(slot.start, zone)}–${formatClock(slot.end, zone)}`;
    await this.write.run({
      sessionId: session.id,
      version: session.version,
      description: patch.venueId ? this.locale.t.ptDoMove(target, when) : this.locale.t.ptDoStay(target, when),
      venueId: this.venueId,
      forceLabel: this.locale.t.ptMoveAnyway,
      send: (options) => {
        const current = data.store.session(session.id) ?? session;
        const latest = patchAgainst(current);
        // Nothing left to change (the colleague did the same): still check the version, harmlessly.
        return data.actions.patchSession(session.id, {
          ...(Object.keys(latest).length ? latest : { venueId }),
          ...options,
        });
      },
      done: () => {
        this.dirty = false;
        this.saved = this.locale.t.ptSaved(target, when);
      },
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'place-time-form': PlaceTimeForm;
  }
}
