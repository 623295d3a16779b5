/** Adds a session: title, kind, venue, venue-time start and end, organisers. A room clash can be accepted knowingly. */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Session } from '../../shared/model.ts';
import { TITLE_MAX_LENGTH, Title, fieldProblem, type NewSessionInput } from '../../shared/commands.ts';
import type { ControlData } from '../data/control-data.ts';
import { toVenueIso } from '../../shared/time.ts';
import { WriteController } from '../controllers/write-controller.ts';
import { programmeDays } from '../data/schedule-queries.ts';
import {
  checkSlot,
  focusFirstInvalid,
  followStart,
  slotFields,
  type SlotDraft,
  type SlotErrors,
} from './slot-fields.ts';
import { baseStyles, formColumns } from './styles.ts';
import { DialogController, dialogStyles } from '../controllers/dialog-controller.ts';
import { consume } from '@lit/context';
import { controlDataContext } from '../data/data-context.ts';
import { LocaleController } from '../controllers/locale-controller.ts';

/** In the order the menu offers them; their names come from the catalogue. */
const KINDS: ReadonlyArray<Session['kind']> = ['side-event', 'plenary', 'exhibition', 'other'];

interface Draft {
  title: string;
  kind: Session['kind'];
  venueId: string;
  slot: SlotDraft;
  lead: string;
  partners: string;
}

@customElement('new-session-dialog')
export class NewSessionDialog extends LitElement {
  static override styles = [
    baseStyles,
    formColumns,
    dialogStyles,
    css`
      #new-title,
      #new-lead,
      textarea,
      .cols select {
        width: 100%;
      }
      input.time {
        width: 6rem;
      }
    `,
  ];

  @consume({ context: controlDataContext })
  @property({ attribute: false })
  data?: ControlData;
  @property({ type: Boolean }) open = false;
  /** The day shown in the grid (yyyy-MM-dd): the new session's default date. */
  @property() day = '';
  @state() private draft: Draft | null = null;
  /** Per-field messages, shown from the first "Add session" on and kept current as they type. */
  @state() private errors: (SlotErrors & { title?: string; venueId?: string }) | null = null;
  private readonly write = new WriteController(this, () => this.data);
  private readonly dialog = new DialogController(this);
  private readonly locale = new LocaleController(this);

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('open') && this.open) {
      this.draft = {
        title: '',
        kind: 'side-event',
        venueId: this.data?.store.schedule?.venues[0]?.id ?? '',
        slot: { day: this.day, start: '13:00', end: '13:50' },
        lead: '',
        partners: '',
      };
      this.errors = null;
      this.dirty = false;
      this.write.clear();
    }
  }

  override render() {
    const d = this.draft;
    const schedule = this.data?.store.schedule;
    const venues = schedule?.venues ?? [];
    const t = this.locale.t;
    return this.dialog.render({
      open: this.open,
      heading: t.newHeading,
      onClose: this.close,
      hasUnsavedEdits: () => this.hasUnsavedEdits,
      body: () =>
        d
          ? html`<form novalidate @submit=${this.submit}>
              <div class="field">
                <label for="new-title">${t.detTitle}</label>
                <input
                  id="new-title"
                  .value=${d.title}
                  @input=${this.edit('title')}
                  aria-invalid=${this.errors?.title ? 'true' : 'false'}
                  aria-describedby=${this.errors?.title ? 'new-title-error' : nothing}
                />
                ${this.errors?.title ? html`<p class="field-error" id="new-title-error">${this.errors.title}</p>` : nothing}
              </div>
              <div class="cols">
                <div class="field">
                  <label for="new-kind">${t.newKind}</label>
                  <select id="new-kind" @change=${this.edit('kind')}>
                    ${KINDS.map((k) => html`<option value=${k} ?selected=${k === d.kind}>${t.newKinds[k]}</option>`)}
                  </select>
                </div>
                <div class="field">
                  <label for="new-venue">${t.ptVenue}</label>
                  <select id="new-venue" @change=${this.edit('venueId')}>
                    ${venues.map((v) => html`<option value=${v.id} dir="auto" ?selected=${v.id === d.venueId}>${v.name}</option>`)}
                  </select>
                </div>
              </div>
              ${slotFields({
                idPrefix: 'new',
                draft: d.slot,
                days: schedule ? programmeDays(schedule) : [],
                zone: this.data?.store.timezone ?? 'UTC',
                errors: this.errors ?? {},
                onChange: (slot) =>
                  this.update_({ ...d, slot: followStart(d.slot, slot, this.data?.store.timezone ?? 'UTC') }),
                t,
                language: this.locale.language,
              })}
              <div class="field">
                <label for="new-lead">${t.detLead}</label>
                <input id="new-lead" .value=${d.lead} @input=${this.edit('lead')} />
              </div>
              <div class="field">
                <label for="new-partners">${t.detPartners}</label>
                <textarea id="new-partners" .value=${d.partners} @input=${this.edit('partners')}></textarea>
              </div>
              ${this.write.render()}
              <button class="primary" type="submit" ?disabled=${this.write.busy}>${t.dayAddSession}</button>
            </form>`
          : nothing,
    });
  }

  private edit(key: 'title' | 'kind' | 'venueId' | 'lead' | 'partners') {
    return (event: Event) => {
      this.update_({ ...this.draft!, [key]: (event.target as HTMLInputElement).value });
    };
  }

  /** Takes an edit; once messages are showing they follow what is typed. */
  private update_(draft: Draft): void {
    this.draft = draft;
    this.dirty = true;
    if (this.errors) this.errors = this.check(draft).errors;
  }

  /** Typed edits not added yet: the dialog asks before throwing them away. */
  private dirty = false;
  get hasUnsavedEdits(): boolean {
    return this.dirty;
  }

  /** The same rules as the server (the title through the shared schema), field by field. */
  private check(d: Draft): {
    errors: (SlotErrors & { title?: string; venueId?: string }) | null;
    slot?: { start: number; end: number };
  } {
    const t = this.locale.t;
    const slot = checkSlot(d.slot, this.data?.store.timezone ?? 'UTC', t);
    const errors: SlotErrors & { title?: string; venueId?: string } = 'errors' in slot ? { ...slot.errors } : {};
    if (fieldProblem(Title, d.title)) {
      errors.title = d.title.trim() === '' ? t.newTitleMissing : t.newTitleTooLong(TITLE_MAX_LENGTH);
    }
    if (!d.venueId) errors.venueId = t.newVenueMissing;
    return Object.keys(errors).length || 'errors' in slot ? { errors } : { errors: null, slot };
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const d = this.draft;
    const data = this.data;
    if (!d || !data) return;
    const zone = data.store.timezone;
    const checked = this.check(d);
    this.errors = checked.errors;
    const slot = checked.slot;
    if (!slot) {
      this.write.clear();
      await focusFirstInvalid(this);
      return;
    }
    const input: NewSessionInput = {
      title: d.title.trim(),
      kind: d.kind,
      venueId: d.venueId,
      start: toVenueIso(slot.start, zone),
      end: toVenueIso(slot.end, zone),
      organizers: {
        lead: d.lead.trim(),
        partners: d.partners
          .split('\n')
          .map((p) => p.trim())
          .filter(Boolean),
      },
    };
    let created: Session | undefined;
    await this.write.run({
      sessionId: '',
      version: 0,
      description: this.locale.t.newDoAdd(input.title),
      venueId: input.venueId,
      forceLabel: this.locale.t.newAddAnyway,
      // Nothing existed yet, so there is nothing to keep: the choice is to change the form.
      keepLabel: this.locale.t.newChangeRoomOrTime,
      send: async (options) => {
        created = await data.actions.createSession(options.force ? { ...input, force: true } : input);
      },
      done: () => {
        this.dirty = false;
        if (created) this.dispatchEvent(new CustomEvent('open-session', { detail: created.id }));
      },
    });
  }

  private readonly close = () => this.dispatchEvent(new CustomEvent('dialog-close'));
}

declare global {
  interface HTMLElementTagNameMap {
    'new-session-dialog': NewSessionDialog;
  }
}
