/**
 * Emergency takeover: every screen shows one message, in its own language where staff gave one (a
 * prepared message brings its wording in every language; typed text gets translations like an
 * announcement). Turning it on asks for confirmation; clearing is one click.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ControlData } from '../data/control-data.ts';
import { StoreController } from '../controllers/store-controller.ts';
import { ActionTask } from '../controllers/action-task.ts';
import { baseStyles } from './styles.ts';
import { LocaleController } from '../controllers/locale-controller.ts';
import type { EmergencyTemplate } from '../../shared/commands.ts';
import './emergency-templates.ts';
import { consume } from '@lit/context';
import { controlDataContext } from '../data/data-context.ts';
import { textAreaField } from './field-inputs.ts';
import { LANGUAGES, LANGUAGE_NAMES, isLanguage, type Language } from '../../shared/languages.ts';
import {
  textTranslations,
  translatedInto,
  translationProblems,
  type TranslationDraft,
  type TranslationProblems,
} from '../data/translation-draft.ts';
import type { TranslationsChangeEvent } from './translation-fields.ts';
import './translation-fields.ts';

@customElement('emergency-panel')
export class EmergencyPanel extends LitElement {
  static override styles = [
    baseStyles,
    css`
      section {
        background: var(--panel);
        border: 2px solid var(--danger);
        border-radius: 8px;
        padding: 0.8rem 1rem;
      }
    `,
  ];

  @consume({ context: controlDataContext })
  @property({ attribute: false })
  data?: ControlData;
  @state() private text = '';
  @state() private confirming = false;
  /** A message refused before sending (empty text). */
  @state() private problem = '';
  /** The text in other languages, as staff typed them or as a prepared message brought them. */
  @state() private translations: TranslationDraft = {};
  @state() private translationProblems: TranslationProblems = {};
  private readonly setEmergency = new ActionTask(this, (text: string) =>
    this.data!.actions.setEmergency({ text, ...this.translationsToSend() }),
  );
  private readonly storeController = new StoreController(this, () => this.data);
  private readonly locale = new LocaleController(this);
  @state() private templates: EmergencyTemplate[] = [];
  /** The language of the text put on the screens; until staff choose one, the panel's own. */
  @state() private chosenLanguage: Language | null = null;

  private get messageLanguage(): Language {
    return this.chosenLanguage ?? this.locale.language;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadTemplates();
  }

  private async loadTemplates(): Promise<void> {
    try {
      this.templates = (
        await this.data!.api.get<{ templates: EmergencyTemplate[] }>('/api/emergency/templates')
      ).templates;
    } catch {
      // Without them staff still type a message; nothing is lost.
      this.templates = [];
    }
  }

  /** First click: the prepared text goes in, the confirmation opens; the second click takes over. */
  private useTemplate(template: EmergencyTemplate): void {
    this.fillFrom(template, this.messageLanguage);
    this.problem = '';
    void this.setConfirming(true);
  }

  override render() {
    const emergency = this.data?.store.schedule?.emergency;
    const t = this.locale.t;
    return html`<section aria-labelledby="emergency-heading">
      <h2 id="emergency-heading">${t.emergencyHeading}</h2>
      ${
        emergency
          ? html`<p><strong>${t.emergencyOnLead}</strong> ${t.emergencyOnText(emergency.text)}</p>
              ${
                emergency.translations
                  ? html`<p class="hint">${t.trTranslatedInto(translatedInto(emergency.translations))}</p>`
                  : nothing
              }
              <p>${t.emergencyHowToEnd}</p>`
          : html`<p class="hint">${t.emergencyHint}</p>
              ${
                this.templates.length
                  ? html`<div class="row" role="group" aria-label=${t.emergencyPrepared}>
                      ${this.templates.map(
                        (template) =>
                          html`<button class="danger" @click=${() => this.useTemplate(template)}>
                            ${template.wording[this.locale.language]?.label ?? template.label}…
                          </button>`,
                      )}
                    </div>`
                  : nothing
              }
              <div class="field">
                <label for="emergency-language">${t.emergencyLanguage}</label>
                <select
                  id="emergency-language"
                  aria-describedby="emergency-language-hint"
                  @change=${this.chooseLanguage}
                >
                  ${LANGUAGES.map(
                    (code) =>
                      html`<option value=${code} lang=${code} ?selected=${code === this.messageLanguage}>
                        ${LANGUAGE_NAMES[code]}
                      </option>`,
                  )}
                </select>
                <p class="hint" id="emergency-language-hint">${t.emergencyLanguageHint}</p>
              </div>
              ${textAreaField({
                id: 'emergency-text',
                label: t.emergencyMessage,
                value: this.text,
                maxLength: 1000,
                onInput: (text) => (this.text = text),
                lang: this.messageLanguage,
              })}
              <p class="hint">${t.emergencyTranslationsHint}</p>
              <translation-fields
                field="text"
                .draft=${this.translations}
                .problems=${this.translationProblems}
                @translations-change=${(e: TranslationsChangeEvent) => (
                  (this.translations = e.detail),
                  (this.translationProblems = {})
                )}
              ></translation-fields>
              ${
                this.confirming
                  ? html`<div class="notice" role="group" aria-labelledby="emergency-question">
                      <p id="emergency-question">${t.emergencyQuestion}</p>
                      <blockquote lang=${this.messageLanguage} dir="auto">${this.text}</blockquote>
                      ${
                        Object.keys(this.translations).length
                          ? html`<p class="hint">
                              ${t.trTranslatedInto(translatedInto(textTranslations(this.translations)))}
                            </p>`
                          : nothing
                      }
                      <div class="row">
                        <button class="danger primary" ?disabled=${this.setEmergency.busy} @click=${this.turnOn}>
                          ${t.emergencyYes}
                        </button>
                        <button @click=${() => this.setConfirming(false)}>${t.emergencyNotNow}</button>
                      </div>
                    </div>`
                  : html`<button class="danger" @click=${this.ask}>${t.emergencyTakeOver}</button>`
              }
              <emergency-templates
                .templates=${this.templates}
                .language=${this.messageLanguage}
                @templates-changed=${() => this.loadTemplates()}
              ></emergency-templates>`
      }
      ${
        this.problem || this.setEmergency.errorText
          ? html`<p class="error" role="alert">${this.problem || this.setEmergency.errorText}</p>`
          : nothing
      }
    </section>`;
  }

  private readonly chooseLanguage = (event: Event) => {
    const code = (event.target as HTMLSelectElement).value;
    if (!isLanguage(code)) return;
    // A prepared message already in the box follows the choice; typed text stays as it is.
    const prepared = this.templates.find((template) =>
      Object.values(template.wording).some((words) => words.text === this.text),
    );
    this.chosenLanguage = code;
    if (prepared) this.fillFrom(prepared, code);
  };

  /** A prepared message in `language`, its wording in every other language as the translations. */
  private fillFrom(template: EmergencyTemplate, language: Language): void {
    this.text = template.wording[language]?.text ?? template.text;
    this.translations = Object.fromEntries(
      LANGUAGES.flatMap((other) => {
        const text = template.wording[other]?.text;
        return other !== language && text ? [[other, text]] : [];
      }),
    );
    this.translationProblems = {};
  }

  private translationsToSend(): { translations?: ReturnType<typeof textTranslations> } {
    const translations = textTranslations(this.translations);
    return Object.keys(translations).length > 0 ? { translations } : {};
  }

  private readonly ask = () => {
    this.problem = '';
    this.setEmergency.dismissError();
    if (!this.text.trim()) {
      this.problem = this.locale.t.emergencyTextMissing;
      return;
    }
    this.translationProblems = translationProblems(this.translations, 'text', this.locale.t.trEmpty);
    if (Object.keys(this.translationProblems).length > 0) return;
    void this.setConfirming(true);
  };

  private async setConfirming(confirming: boolean): Promise<void> {
    this.confirming = confirming;
    await this.updateComplete;
    const selector = confirming ? '.notice button' : 'button.danger';
    this.renderRoot.querySelector<HTMLButtonElement>(selector)?.focus();
  }

  private readonly turnOn = async () => {
    if (await this.setEmergency.perform(this.text.trim())) {
      this.confirming = false;
      this.text = '';
      this.translations = {};
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'emergency-panel': EmergencyPanel;
  }
}
