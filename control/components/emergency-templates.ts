/**
 * The prepared emergency messages, editable in each language: wording agreed on calmly
 * beforehand, so under pressure a takeover is "Evacuation" → "Yes, take over all screens" with
 * no typing. The language edited is the one the emergency panel puts on the screens, unless
 * staff pick another here.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { EmergencyTemplate, TemplateWording } from '../../shared/commands.ts';
import { EmergencyTemplateInputSchema } from '../../shared/commands.ts';
import { DEFAULT_LANGUAGE, LANGUAGES, LANGUAGE_NAMES, isLanguage, type Language } from '../../shared/languages.ts';
import type { ControlData } from '../data/control-data.ts';
import { classifyError } from '../data/outcome.ts';
import { baseStyles } from './styles.ts';
import { consume } from '@lit/context';
import { controlDataContext } from '../data/data-context.ts';
import { LocaleController } from '../controllers/locale-controller.ts';

interface Draft extends TemplateWording {
  message?: string;
  error?: string;
}

const LABEL_MAX_LENGTH = EmergencyTemplateInputSchema.shape.label.maxLength ?? 60;

@customElement('emergency-templates')
export class EmergencyTemplates extends LitElement {
  static override styles = [baseStyles];

  @consume({ context: controlDataContext })
  @property({ attribute: false })
  data?: ControlData;
  @property({ attribute: false }) templates: EmergencyTemplate[] = [];
  /** The language the emergency panel puts on the screens: edited here unless staff pick another. */
  @property() language: Language = DEFAULT_LANGUAGE;
  @state() private chosenLanguage: Language | null = null;
  /** Per template and language: the draft being edited and a message (saved or the first problem). */
  @state() private drafts = new Map<string, Draft>();
  private readonly locale = new LocaleController(this);

  private get editing(): Language {
    return this.chosenLanguage ?? this.language;
  }

  private stored(template: EmergencyTemplate): TemplateWording {
    return template.wording[this.editing] ?? { label: template.label, text: template.text };
  }

  private draftOf(template: EmergencyTemplate): Draft {
    return this.drafts.get(`${template.id}:${this.editing}`) ?? this.stored(template);
  }

  override render() {
    if (this.templates.length === 0) return nothing;
    const t = this.locale.t;
    const language = this.editing;
    return html`<details>
      <summary>${t.tplEditHeading}</summary>
      <div class="field">
        <label for="template-language">${t.tplLanguage}</label>
        <select id="template-language" @change=${this.chooseLanguage}>
          ${LANGUAGES.map(
            (code) =>
              html`<option value=${code} lang=${code} ?selected=${code === language}>${LANGUAGE_NAMES[code]}</option>`,
          )}
        </select>
      </div>
      ${this.templates.map((template) => {
        const draft = this.draftOf(template);
        const id = template.id;
        return html`<fieldset>
          <legend><bdi lang=${language}>${this.stored(template).label}</bdi></legend>
          <div class="field">
            <label for="label-${id}">${t.tplLabel}</label>
            <input
              id="label-${id}"
              lang=${language}
              dir="auto"
              .value=${draft.label}
              @input=${(e: Event) => this.edit(template, { label: (e.target as HTMLInputElement).value })}
            />
          </div>
          <div class="field">
            <label for="text-${id}">${t.tplText}</label>
            <textarea
              id="text-${id}"
              lang=${language}
              dir="auto"
              maxlength="1000"
              .value=${draft.text}
              aria-invalid=${draft.error ? 'true' : 'false'}
              aria-describedby=${draft.error ? `error-${id}` : nothing}
              @input=${(e: Event) => this.edit(template, { text: (e.target as HTMLTextAreaElement).value })}
            ></textarea>
            ${draft.error ? html`<p class="field-error" id="error-${id}">${draft.error}</p>` : nothing}
          </div>
          <button @click=${() => this.save(template)}>${t.tplSave(draft.label || this.stored(template).label)}</button>
          ${draft.message ? html`<p class="ok" role="status">${draft.message}</p>` : nothing}
        </fieldset>`;
      })}
    </details>`;
  }

  private readonly chooseLanguage = (event: Event) => {
    const code = (event.target as HTMLSelectElement).value;
    if (isLanguage(code)) this.chosenLanguage = code;
  };

  private setDraft(template: EmergencyTemplate, draft: Draft): void {
    this.drafts = new Map(this.drafts).set(`${template.id}:${this.editing}`, draft);
  }

  private edit(template: EmergencyTemplate, change: Partial<TemplateWording>): void {
    const { label, text } = this.draftOf(template);
    this.setDraft(template, { label, text, ...change });
  }

  /** The problem with a draft, in the reader's language; null when the server will take it. */
  private problem(draft: TemplateWording): string | null {
    if (!draft.label.trim() || !draft.text.trim()) return this.locale.t.tplMissing;
    if (draft.label.trim().length > LABEL_MAX_LENGTH) return this.locale.t.tplLabelTooLong(LABEL_MAX_LENGTH);
    return null;
  }

  private async save(template: EmergencyTemplate): Promise<void> {
    const draft = this.draftOf(template);
    const problem = this.problem(draft);
    if (problem) {
      this.setDraft(template, { ...draft, error: problem, message: '' });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#text-${template.id}`)?.focus();
      return;
    }
    const language = this.editing;
    try {
      await this.data!.api.put(`/api/emergency/templates/${encodeURIComponent(template.id)}`, {
        label: draft.label.trim(),
        text: draft.text.trim(),
        ...(language !== 'en' && { language }),
      });
      this.setDraft(template, { label: draft.label, text: draft.text, message: this.locale.t.tplSaved });
      this.dispatchEvent(new CustomEvent('templates-changed'));
    } catch (error) {
      this.setDraft(template, { ...draft, error: classifyError(error).message });
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'emergency-templates': EmergencyTemplates;
  }
}
