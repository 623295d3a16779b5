/**
 * Venues and how screens show the programme: the title style (title case for titles the source
 * wrote in capitals, or as written) and each venue's name, building, floor and directions, which
 * the lobby rows and the doors' "Moved to" notices show. Both are ordinary, journalled changes.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { VenuePatchSchema, fieldProblem, type VenuePatch } from '../../shared/commands.ts';
import type { Venue } from '../../shared/model.ts';
import { displayTitle, titleStyleOf, type TitleStyle } from '../../shared/title-case.ts';
import { ApiError } from '../data/api.ts';
import type { ControlData } from '../data/control-data.ts';
import { classifyError } from '../data/outcome.ts';
import { StoreController } from '../controllers/store-controller.ts';
import { baseStyles } from './styles.ts';
import { radioChoice } from './choice-inputs.ts';
import { consume } from '@lit/context';
import { controlDataContext } from '../data/data-context.ts';

const FIELDS = [
  { key: 'name', label: 'Name' },
  { key: 'building', label: 'Building' },
  { key: 'floor', label: 'Floor' },
  { key: 'directions', label: 'Directions (shown on the lobby board and on "Moved to" notices)' },
] as const;
type FieldKey = (typeof FIELDS)[number]['key'];
type Draft = Record<FieldKey, string>;

const EXAMPLE = 'BEYOND LOOTING AND TRAFFICKING: THE ROLE OF THE UN';

function draftOf(venue: Venue): Draft {
  return {
    name: venue.name,
    building: venue.building ?? '',
    floor: venue.floor ?? '',
    directions: venue.directions ?? '',
  };
}

@customElement('venues-panel')
export class VenuesPanel extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .venues {
        display: grid;
        grid-template-columns: minmax(12rem, 1fr) minmax(0, 2fr);
        gap: 1rem;
        align-items: start;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li button {
        width: 100%;
        text-align: start;
        margin-bottom: 0.3rem;
      }
      li button[aria-pressed='true'] {
        font-weight: 700;
        border-color: var(--accent);
      }
      .where {
        color: var(--muted);
        font-size: 0.9em;
      }
    `,
  ];

  @consume({ context: controlDataContext })
  @property({ attribute: false })
  data?: ControlData;
  @state() private selected: string | null = null;
  @state() private draft: Draft | null = null;
  @state() private errors: Partial<Record<FieldKey, string>> = {};
  @state() private message = '';
  @state() private styleMessage = '';
  private readonly storeController = new StoreController(this, () => this.data);

  override render() {
    const schedule = this.data?.store.schedule;
    if (!schedule) return nothing;
    return html`${this.renderTitleStyle(titleStyleOf(schedule))}
      <section aria-labelledby="venues-heading">
        <h2 id="venues-heading">Venues</h2>
        <div class="venues">
          <ul aria-label="Venues">
            ${schedule.venues.map(
              (venue) =>
                html`<li>
                  <button
                    aria-pressed=${venue.id === this.selected ? 'true' : 'false'}
                    @click=${() => this.select(venue)}
                  >
                    ${venue.name} <span class="where">${[venue.id, venue.floor].filter(Boolean).join(' · ')}</span>
                  </button>
                </li>`,
            )}
          </ul>
          ${this.renderForm(schedule.venues.find((v) => v.id === this.selected))}
        </div>
      </section>`;
  }

  private renderTitleStyle(style: TitleStyle) {
    const choose = (next: TitleStyle) => () => void this.chooseStyle(next);
    return html`<fieldset>
      <legend>Titles on the screens</legend>
      ${radioChoice(
        'title-style',
        `Title case for titles written in capitals (“${displayTitle(EXAMPLE, 'title-case')}”)`,
        style === 'title-case',
        choose('title-case'),
      )}
      ${radioChoice('title-style', `As written (“${EXAMPLE}”)`, style === 'as-written', choose('as-written'))}
      ${this.styleMessage ? html`<p class="ok" role="status">${this.styleMessage}</p>` : nothing}
    </fieldset>`;
  }

  private renderForm(venue: Venue | undefined) {
    if (!venue || !this.draft) return html`<p>Choose a venue to edit its name and directions.</p>`;
    const draft = this.draft;
    return html`<form @submit=${(e: Event) => this.save(e, venue)} novalidate aria-label="Edit ${venue.name}">
      <h3>${venue.name} <span class="where">(${venue.id})</span></h3>
      ${FIELDS.map(({ key, label }) => {
        const error = this.errors[key];
        return html`<div class="field">
          <label for="venue-${key}">${label}</label>
          <input
            id="venue-${key}"
            name=${key}
            .value=${draft[key]}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${error ? `venue-${key}-error` : nothing}
            @input=${(e: Event) => (this.draft = { ...draft, [key]: (e.target as HTMLInputElement).value })}
          />
          ${error ? html`<p class="field-error" id="venue-${key}-error">${error}</p>` : nothing}
        </div>`;
      })}
      <button type="submit">Save ${venue.id}</button>
      ${this.message ? html`<p class="ok" role="status">${this.message}</p>` : nothing}
    </form>`;
  }

  private select(venue: Venue): void {
    this.selected = venue.id;
    this.draft = draftOf(venue);
    this.errors = {};
    this.message = '';
  }

  /** Only what changed is sent; an emptied optional field is cleared (null). */
  private patchFrom(venue: Venue, draft: Draft): VenuePatch {
    const before = draftOf(venue);
    const patch: Record<string, string | null> = {};
    for (const { key } of FIELDS) {
      const value = draft[key].trim();
      if (value === before[key]) continue;
      patch[key] = value === '' && key !== 'name' ? null : value;
    }
    return patch as VenuePatch;
  }

  private async save(event: Event, venue: Venue): Promise<void> {
    event.preventDefault();
    const patch = this.patchFrom(venue, this.draft!);
    this.message = '';
    const errors: Partial<Record<FieldKey, string>> = {};
    for (const { key, label } of FIELDS) {
      const value = (patch as Record<string, unknown>)[key];
      if (value === undefined) continue;
      const problem = fieldProblem(VenuePatchSchema.shape[key], value);
      if (problem) errors[key] = `${label.split(' (')[0]} ${problem}.`;
    }
    this.errors = errors;
    if (Object.keys(errors).length > 0) return this.focusFirstError();
    if (Object.keys(patch).length === 0) {
      this.message = 'Nothing to save: the venue already reads like that.';
      return;
    }
    try {
      const saved = await this.data!.actions.patchVenue(venue.id, patch);
      this.draft = draftOf(saved);
      this.message = `Saved. Screens show the new ${Object.keys(patch).join(', ')} now.`;
    } catch (error) {
      const field = error instanceof ApiError ? (error.body.field as FieldKey | undefined) : undefined;
      const text = classifyError(error).message;
      if (field && FIELDS.some((f) => f.key === field)) {
        this.errors = { [field]: text };
        await this.focusFirstError();
      } else this.message = text;
    }
  }

  private async focusFirstError(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  private async chooseStyle(titleStyle: TitleStyle): Promise<void> {
    this.styleMessage = '';
    try {
      await this.data!.actions.updateSettings({ titleStyle });
      this.styleMessage =
        titleStyle === 'as-written'
          ? 'Screens show titles as written.'
          : 'Screens show capitalised titles in title case.';
    } catch (error) {
      this.styleMessage = classifyError(error).message;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'venues-panel': VenuesPanel;
  }
}
