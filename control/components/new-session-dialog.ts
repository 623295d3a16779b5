/** Adds a session: title, kind, venue, venue-time start and end, organisers. A room clash can be accepted knowingly. */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Session } from '../../shared/model.ts';
import type { NewSessionInput } from '../../shared/commands.ts';
import type { ControlData } from '../data/control-data.ts';
import { toVenueIso } from '../../shared/time.ts';
import { WriteController } from '../controllers/write-controller.ts';
import { programmeDays } from '../data/schedule-queries.ts';
import { readSlot, slotFields, type SlotDraft } from './slot-fields.ts';
import { baseStyles } from './styles.ts';
import { DialogController, dialogStyles } from '../controllers/dialog-controller.ts';

const KINDS: Array<{ id: Session['kind']; label: string }> = [
  { id: 'side-event', label: 'Side event' },
  { id: 'plenary', label: 'Plenary' },
  { id: 'exhibition', label: 'Exhibition' },
  { id: 'other', label: 'Other' },
];

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
      .cols {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
        gap: 0 0.8rem;
      }
    `,
  ];

  @property({ attribute: false }) data?: ControlData;
  @property({ type: Boolean }) open = false;
  /** The day shown in the grid (yyyy-MM-dd): the new session's default date. */
  @property() day = '';
  @state() private draft: Draft | null = null;
  private readonly write = new WriteController(this, () => this.data);
  private readonly dialog = new DialogController(this);

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
      this.write.clear();
    }
  }

  override render() {
    const d = this.draft;
    const schedule = this.data?.store.schedule;
    const venues = schedule?.venues ?? [];
    return this.dialog.render({
      open: this.open,
      heading: 'Add a session',
      onClose: this.close,
      body: () =>
        d
        ? html`<form @submit=${this.submit}>
            <div class="field">
              <label for="new-title">Title</label>
              <input id="new-title" required .value=${d.title} @input=${this.edit('title')} />
            </div>
            <div class="cols">
              <div class="field">
                <label for="new-kind">Kind</label>
                <select id="new-kind" @change=${this.edit('kind')}>
                  ${KINDS.map((k) => html`<option value=${k.id} ?selected=${k.id === d.kind}>${k.label}</option>`)}
                </select>
              </div>
              <div class="field">
                <label for="new-venue">Venue</label>
                <select id="new-venue" @change=${this.edit('venueId')}>
                  ${venues.map((v) => html`<option value=${v.id} ?selected=${v.id === d.venueId}>${v.name}</option>`)}
                </select>
              </div>
            </div>
            ${slotFields({
              idPrefix: 'new',
              draft: d.slot,
              days: schedule ? programmeDays(schedule) : [],
              zone: this.data?.store.timezone ?? 'UTC',
              onChange: (slot) => (this.draft = { ...d, slot }),
            })}
            <div class="field">
              <label for="new-lead">Organised by</label>
              <input id="new-lead" .value=${d.lead} @input=${this.edit('lead')} />
            </div>
            <div class="field">
              <label for="new-partners">Partners (one per line)</label>
              <textarea id="new-partners" .value=${d.partners} @input=${this.edit('partners')}></textarea>
            </div>
            ${this.write.render()}
            <button class="primary" type="submit" ?disabled=${this.write.busy}>Add session</button>
          </form>`
        : nothing,
    });
  }

  private edit(key: 'title' | 'kind' | 'venueId' | 'lead' | 'partners') {
    return (event: Event) => {
      this.draft = { ...this.draft!, [key]: (event.target as HTMLInputElement).value };
    };
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const d = this.draft;
    const data = this.data;
    if (!d || !data) return;
    const zone = data.store.timezone;
    const slot = readSlot(d.slot, zone);
    const problem = !d.title.trim() ? 'Title: must not be empty.' : !d.venueId ? 'Venue: choose one.' : 'error' in slot ? slot.error : null;
    if (problem || 'error' in slot) {
      this.write.problem = { kind: 'error', message: problem ?? '' };
      this.requestUpdate();
      return;
    }
    const input: NewSessionInput = {
      title: d.title.trim(),
      kind: d.kind,
      venueId: d.venueId,
      start: toVenueIso(slot.start, zone),
      end: toVenueIso(slot.end, zone),
      organizers: { lead: d.lead.trim(), partners: d.partners.split('\n').map((p) => p.trim()).filter(Boolean) },
    };
    let created: Session | undefined;
    await this.write.run({
      sessionId: '',
      version: 0,
      description: `add “${input.title}”`,
      venueId: input.venueId,
      forceLabel: 'Add anyway',
      send: async (options) => {
        created = await data.actions.createSession(options.force ? { ...input, force: true } : input);
      },
      done: () => {
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
