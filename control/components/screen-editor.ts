/**
 * Renaming and reassigning one screen, inline in the Screens table. A reassigned screen switches
 * at once (when connected) or as soon as it reconnects; staff's choice then wins over its URL.
 * A lobby screen can also have its own directions to rooms ("M7 ↑ 1st floor" by the M-Building
 * entrance), shown on its rows instead of the venue's, and every screen a language — or two that
 * take turns on a bilingual venue's screens, with how long each stays. Fires `done` when saved or cancelled.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Schedule } from '../../shared/model.ts';
import type { DisplayStatus } from '../../shared/protocol.ts';
import { DEFAULT_LANGUAGE, LANGUAGES, LANGUAGE_NAMES, isLanguage, type Language } from '../../shared/languages.ts';
import { ROTATION_SECONDS } from '../../shared/language-rotation.ts';
import { ScreenLanguagesSchema } from '../../shared/screen-languages-schema.ts';
import { LocaleController } from '../controllers/locale-controller.ts';
import { wholeNumberInput } from './field-inputs.ts';
import { assignmentChoices, assignmentOf, choiceOf, type FleetActions } from '../data/fleet-actions.ts';
import { ActionTask } from '../controllers/action-task.ts';
import { baseStyles } from './styles.ts';
import { aroundData } from '../i18n/format.ts';

@customElement('screen-editor')
export class ScreenEditor extends LitElement {
  static override styles = [
    baseStyles,
    css`
      form {
        padding: 0.4rem 0;
      }
    `,
  ];

  @property({ attribute: false }) display?: DisplayStatus;
  @property({ attribute: false }) schedule?: Schedule;
  @property({ attribute: false }) fleet?: FleetActions;
  @state() private name = '';
  @state() private choice = '';
  @state() private language: Language = DEFAULT_LANGUAGE;
  /** The language taking turns with `language`; '' for a screen in one language. */
  @state() private secondLanguage: Language | '' = '';
  @state() private rotationSeconds = String(ROTATION_SECONDS.default);
  /** Field → what is wrong with it, shown next to it. */
  @state() private problems: Partial<Record<'languages' | 'rotationSeconds', string>> = {};
  private readonly locale = new LocaleController(this);
  /** Venue id → this screen's way there, as typed (empty: the venue's own directions). */
  @state() private directions: Record<string, string> = {};
  private readonly saving = new ActionTask(
    this,
    (fleet: FleetActions, id: string, change: Parameters<FleetActions['update']>[1]) => fleet.update(id, change),
  );

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.display) {
      this.name = this.display.name;
      this.choice = choiceOf(this.display);
      this.directions = { ...this.display.directions };
      this.language = this.display.language ?? DEFAULT_LANGUAGE;
      this.secondLanguage = this.display.languages?.[1] ?? '';
      this.rotationSeconds = String(this.display.rotationSeconds ?? ROTATION_SECONDS.default);
    }
  }

  override render() {
    const display = this.display;
    if (!display || !this.schedule) return nothing;
    const id = `edit-${display.id}`;
    const t = this.locale.t;
    return html`<form aria-label=${t.scrEdLabel(display.name)} novalidate @submit=${this.save}>
      <div class="row">
        <div class="field">
          <label for="${id}-name">${t.pairName}</label>
          <input
            id="${id}-name"
            required
            maxlength="100"
            .value=${this.name}
            @input=${(e: Event) => (this.name = (e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="field">
          <label for="${id}-shows">${t.scrColShows}</label>
          <select
            id="${id}-shows"
            .value=${this.choice}
            @change=${(e: Event) => (this.choice = (e.target as HTMLSelectElement).value)}
          >
            ${assignmentChoices(this.schedule).map(
              (c) =>
                html`<option value=${c.value} data-name=${c.name ?? nothing} ?selected=${c.value === this.choice}>
                  ${c.label}
                </option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="${id}-language">${t.headerLanguage}</label>
          <select
            id="${id}-language"
            @change=${(e: Event) => {
              const value = (e.target as HTMLSelectElement).value;
              if (!isLanguage(value)) return;
              this.language = value;
              if (this.secondLanguage === value) this.secondLanguage = '';
            }}
          >
            ${LANGUAGES.map(
              (code) =>
                html`<option value=${code} lang=${code} ?selected=${code === this.language}>
                  ${LANGUAGE_NAMES[code]}
                </option>`,
            )}
          </select>
        </div>
        ${this.renderRotation(id)}
        <div class="field row">
          <button class="primary" type="submit" ?disabled=${this.saving.busy}>${t.scrEdSave}</button>
          <button type="button" @click=${this.done}>${t.scrEdCancel}</button>
        </div>
      </div>
      ${this.choice === 'lobby' ? this.renderDirections(id) : nothing}
      ${this.saving.errorText ? html`<p class="error" role="alert">${this.saving.errorText}</p>` : nothing}
    </form>`;
  }

  private renderRotation(id: string) {
    const t = this.locale.t;
    const { languages: languagesProblem, rotationSeconds: secondsProblem } = this.problems;
    return html`<div class="field">
        <label for="${id}-second">${t.rotAlternatesWith}</label>
        <select
          id="${id}-second"
          aria-invalid=${languagesProblem ? 'true' : 'false'}
          aria-describedby=${languagesProblem ? `${id}-second-error` : nothing}
          @change=${(e: Event) => {
            const value = (e.target as HTMLSelectElement).value;
            this.secondLanguage = isLanguage(value) ? value : '';
          }}
        >
          <option value="" ?selected=${this.secondLanguage === ''}>${t.rotNoSecond}</option>
          ${LANGUAGES.filter((code) => code !== this.language).map(
            (code) =>
              html`<option value=${code} lang=${code} ?selected=${code === this.secondLanguage}>
                ${LANGUAGE_NAMES[code]}
              </option>`,
          )}
        </select>
        ${languagesProblem ? html`<p class="field-error" id="${id}-second-error">${languagesProblem}</p>` : nothing}
      </div>
      ${
        this.secondLanguage === ''
          ? nothing
          : html`<div class="field">
              <label for="${id}-every">${t.rotEvery}</label>
              ${wholeNumberInput({
                id: `${id}-every`,
                value: this.rotationSeconds,
                min: ROTATION_SECONDS.min,
                max: ROTATION_SECONDS.max,
                describedBy: secondsProblem ? `${id}-every-error` : `${id}-every-hint`,
                invalid: secondsProblem !== undefined,
                onInput: (text) => (this.rotationSeconds = text),
              })}
              ${
                secondsProblem
                  ? html`<p class="field-error" id="${id}-every-error">${secondsProblem}</p>`
                  : html`<p class="hint" id="${id}-every-hint">
                      ${t.rotEveryHint(ROTATION_SECONDS.min, ROTATION_SECONDS.max)}
                    </p>`
              }
            </div>`
      }`;
  }

  /**
   * The languages as the fleet route takes them, checked by the route's own schema; null (with the
   * problem shown next to its field) when they would be refused.
   */
  private checkedLanguages(): { languages: Language[]; rotationSeconds?: number } | null {
    const t = this.locale.t;
    const choice = {
      languages: this.secondLanguage === '' ? [this.language] : [this.language, this.secondLanguage],
      ...(this.secondLanguage !== '' && { rotationSeconds: Number(this.rotationSeconds.trim() || Number.NaN) }),
    };
    const result = ScreenLanguagesSchema.safeParse(choice);
    if (result.success) {
      this.problems = {};
      return result.data;
    }
    const field = result.error.issues[0]?.path[0] === 'rotationSeconds' ? 'rotationSeconds' : 'languages';
    this.problems = {
      [field]:
        field === 'rotationSeconds'
          ? t.rotSecondsProblem(ROTATION_SECONDS.min, ROTATION_SECONDS.max)
          : t.rotLanguagesProblem,
    };
    return null;
  }

  private renderDirections(id: string) {
    const rooms = this.schedule!.venues.filter((v) => v.kind === 'room');
    const t = this.locale.t;
    return html`<details ?open=${Object.keys(this.directions).length > 0}>
      <summary>${t.scrEdDirections}</summary>
      <p>${t.scrEdDirectionsHint}</p>
      <div class="row">
        ${rooms.map(
          (venue) =>
            html`<div class="field">
              <label for="${id}-way-${venue.id}">${aroundData(t.scrEdWayTo, venue.id)}</label>
              <input
                id="${id}-way-${venue.id}"
                maxlength="100"
                placeholder=${venue.directions ?? venue.floor ?? ''}
                .value=${this.directions[venue.id] ?? ''}
                @input=${(e: Event) =>
                  (this.directions = { ...this.directions, [venue.id]: (e.target as HTMLInputElement).value })}
              />
            </div>`,
        )}
      </div>
    </details>`;
  }

  /** The typed directions without the empty ones. */
  private typedDirections(): Record<string, string> {
    return Object.fromEntries(
      Object.entries(this.directions)
        .map(([venueId, text]) => [venueId, text.trim()] as const)
        .filter(([, text]) => text !== ''),
    );
  }

  private readonly save = async (event: Event) => {
    event.preventDefault();
    const display = this.display;
    if (!display || !this.fleet || this.saving.busy) return;
    const languages = this.checkedLanguages();
    if (!languages) {
      this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const before = display.languages ?? [display.language ?? DEFAULT_LANGUAGE];
    const languagesChanged = languages.languages.join(',') !== before.join(',');
    const secondsChanged =
      languages.rotationSeconds !== undefined &&
      languages.rotationSeconds !== (display.rotationSeconds ?? ROTATION_SECONDS.default);
    const change = {
      ...(this.name.trim() !== display.name && { name: this.name.trim() }),
      ...(this.choice !== choiceOf(display) && assignmentOf(this.choice)),
      ...(languagesChanged && { languages: languages.languages }),
      ...(secondsChanged && { rotationSeconds: languages.rotationSeconds }),
      ...(this.choice === 'lobby' &&
        JSON.stringify(this.typedDirections()) !== JSON.stringify(display.directions ?? {}) && {
          directions: this.typedDirections(),
        }),
    };
    if (Object.keys(change).length === 0) return this.done();
    if (await this.saving.perform(this.fleet, display.id, change)) this.done();
  };

  private readonly done = () => {
    this.dispatchEvent(new Event('done'));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'screen-editor': ScreenEditor;
  }
}
