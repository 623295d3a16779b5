/**
 * Venues and how screens show the programme: the title style (title case for titles the source
 * wrote in capitals, or as written) and each venue's name, building, floor and directions, which
 * the lobby rows and the doors' "Moved to" notices show. Both are ordinary, journalled changes.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { VenuePatchSchema, type VenuePatch } from '../../shared/commands.ts';
import type { Venue } from '../../shared/model.ts';
import { displayTitle, titleStyleOf, type TitleStyle } from '../../shared/title-case.ts';
import { ApiError } from '../data/api.ts';
import type { ControlData } from '../data/control-data.ts';
import { classifyError } from '../data/outcome.ts';
import { StoreController } from '../controllers/store-controller.ts';
import { LocaleController } from '../controllers/locale-controller.ts';
import type { PanelMessages, VenueField } from '../i18n/messages.ts';
import { baseStyles } from './styles.ts';
import { radioChoice } from './choice-inputs.ts';
import { consume } from '@lit/context';
import { controlDataContext } from '../data/data-context.ts';

const FIELDS: readonly VenueField[] = ['name', 'building', 'floor', 'directions'];
type Draft = Record<VenueField, string>;

/** A real title of the reference programme: the style choice shows what it does to one. */
const EXAMPLE = 'BEYOND LOOTING AND TRAFFICKING: THE ROLE OF THE UN';

/** The shared schema's rule for one field, told in the reader's words (zod's own are English). */
function venueFieldProblem(field: VenueField, value: unknown, t: PanelMessages): string | null {
  const result = VenuePatchSchema.shape[field].safeParse(value);
  if (result.success) return null;
  const issue = result.error.issues[0];
  const name = t.venFieldNames[field];
  if (issue?.code === 'too_small') return t.venEmpty(name);
  if (issue?.code === 'too_big') return t.venTooLong(name, Number(issue.maximum));
  return t.venInvalid(name);
}

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
  @state() private errors: Partial<Record<VenueField, string>> = {};
  @state() private message = '';
  @state() private styleMessage = '';
  private readonly storeController = new StoreController(this, () => this.data);
  private readonly locale = new LocaleController(this);

  override render() {
    const schedule = this.data?.store.schedule;
    if (!schedule) return nothing;
    const t = this.locale.t;
    return html`${this.renderTitleStyle(titleStyleOf(schedule))}
      <section aria-labelledby="venues-heading">
        <h2 id="venues-heading">${t.venHeading}</h2>
        <div class="venues">
          <ul aria-label=${t.venHeading}>
            ${schedule.venues.map(
              (venue) =>
                html`<li>
                  <button
                    aria-pressed=${venue.id === this.selected ? 'true' : 'false'}
                    @click=${() => this.select(venue)}
                  >
                    <bdi>${venue.name}</bdi>
                    <bdi class="where">${[venue.id, venue.floor].filter(Boolean).join(' · ')}</bdi>
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
    const t = this.locale.t;
    // The example is a title (data), isolated so it reads whole inside right-to-left words.
    const example = (title: string) => html`(<bdi lang="en">“${title}”</bdi>)`;
    return html`<fieldset>
      <legend>${t.venTitlesLegend}</legend>
      ${radioChoice(
        'title-style',
        html`${t.venTitleCase} ${example(displayTitle(EXAMPLE, 'title-case'))}`,
        style === 'title-case',
        choose('title-case'),
      )}
      ${radioChoice('title-style', html`${t.venAsWritten} ${example(EXAMPLE)}`, style === 'as-written', choose('as-written'))}
      ${this.styleMessage ? html`<p class="ok" role="status">${this.styleMessage}</p>` : nothing}
    </fieldset>`;
  }

  private renderForm(venue: Venue | undefined) {
    const t = this.locale.t;
    if (!venue || !this.draft) return html`<p>${t.venChoose}</p>`;
    const draft = this.draft;
    return html`<form @submit=${(e: Event) => this.save(e, venue)} novalidate aria-label=${t.venEditLabel(venue.name)}>
      <h3><bdi>${venue.name}</bdi> <span class="where">(<bdi>${venue.id}</bdi>)</span></h3>
      ${FIELDS.map((key) => {
        const error = this.errors[key];
        return html`<div class="field">
          <label for="venue-${key}">${t.venFieldLabels[key]}</label>
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
      <button type="submit">${t.venSave(venue.id)}</button>
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
    for (const key of FIELDS) {
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
    const t = this.locale.t;
    const errors: Partial<Record<VenueField, string>> = {};
    for (const key of FIELDS) {
      const value = (patch as Record<string, unknown>)[key];
      if (value === undefined) continue;
      const problem = venueFieldProblem(key, value, t);
      if (problem) errors[key] = problem;
    }
    this.errors = errors;
    if (Object.keys(errors).length > 0) return this.focusFirstError();
    if (Object.keys(patch).length === 0) {
      this.message = t.venNothing;
      return;
    }
    try {
      const saved = await this.data!.actions.patchVenue(venue.id, patch);
      this.draft = draftOf(saved);
      const changed = FIELDS.filter((key) => key in patch).map((key) => this.locale.t.venFieldNames[key]);
      this.message = this.locale.t.venSaved(this.locale.t.listAnd(changed));
    } catch (error) {
      const field = error instanceof ApiError ? (error.body.field as VenueField | undefined) : undefined;
      const text = classifyError(error).message;
      if (field && FIELDS.includes(field)) {
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
      const t = this.locale.t;
      this.styleMessage = titleStyle === 'as-written' ? t.venStyleAsWritten : t.venStyleTitleCase;
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
