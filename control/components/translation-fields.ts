/**
 * The translations of one title or text: a field per language staff added, each removable, and a
 * compact "Add a translation…" menu of the languages not added yet. The form that holds it keeps
 * the draft and the problems; this element only shows them and reports each edit.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LANGUAGES, LANGUAGE_NAMES, type Language } from '../../shared/languages.ts';
import type { TranslationDraft, TranslationProblems } from '../data/translation-draft.ts';
import { LocaleController } from '../controllers/locale-controller.ts';
import { baseStyles } from './styles.ts';

/** Fired with the whole new draft after every edit, addition or removal. */
export type TranslationsChangeEvent = CustomEvent<TranslationDraft>;

@customElement('translation-fields')
export class TranslationFields extends LitElement {
  static override styles = [
    baseStyles,
    css`
      fieldset {
        margin: 0 0 0.6rem;
      }
      .line {
        display: flex;
        gap: 0.5rem;
        align-items: start;
      }
      .line input,
      .line textarea {
        flex: 1;
        min-inline-size: 0;
      }
    `,
  ];

  @property({ attribute: false }) draft: TranslationDraft = {};
  @property({ attribute: false }) problems: TranslationProblems = {};
  /** What is translated: a session's title (one line) or an announcement's text. */
  @property() field: 'title' | 'text' = 'title';
  private readonly locale = new LocaleController(this);

  /** A language named in the panel's language ("French", "français"), its own name as a fallback. */
  private languageName(language: Language): string {
    try {
      return (
        new Intl.DisplayNames([this.locale.language], { type: 'language' }).of(language) ?? LANGUAGE_NAMES[language]
      );
    } catch {
      return LANGUAGE_NAMES[language];
    }
  }

  override render() {
    const t = this.locale.t;
    const added = LANGUAGES.filter((language) => this.draft[language] !== undefined);
    const missing = LANGUAGES.filter((language) => this.draft[language] === undefined);
    return html`<fieldset>
      <legend>${t.trLegend}</legend>
      ${added.map((language) => this.renderField(language))}
      ${
        missing.length
          ? html`<select aria-label=${t.trAdd} @change=${this.add}>
              <option value="" selected>${t.trAdd}</option>
              ${missing.map((language) => html`<option value=${language}>${this.languageName(language)}</option>`)}
            </select>`
          : nothing
      }
    </fieldset>`;
  }

  private renderField(language: Language) {
    const t = this.locale.t;
    const name = this.languageName(language);
    const id = `translation-${language}`;
    const problem = this.problems[language];
    const common = {
      value: this.draft[language] ?? '',
      describedBy: problem ? `${id}-error` : nothing,
      invalid: problem ? 'true' : 'false',
    };
    return html`<div class="field">
      <label for=${id}>${this.field === 'title' ? t.trTitleIn(name) : t.trTextIn(name)}</label>
      <div class="line">
        ${
          this.field === 'title'
            ? html`<input
                id=${id}
                lang=${language}
                dir="auto"
                maxlength="1000"
                aria-invalid=${common.invalid}
                aria-describedby=${common.describedBy}
                .value=${common.value}
                @input=${(e: Event) => this.edit(language, (e.target as HTMLInputElement).value)}
              />`
            : html`<textarea
                id=${id}
                lang=${language}
                dir="auto"
                maxlength="1000"
                aria-invalid=${common.invalid}
                aria-describedby=${common.describedBy}
                .value=${common.value}
                @input=${(e: Event) => this.edit(language, (e.target as HTMLTextAreaElement).value)}
              ></textarea>`
        }
        <button type="button" aria-label=${t.trRemoveLabel(name)} @click=${() => this.removeLanguage(language)}>
          ${t.trRemove}
        </button>
      </div>
      ${problem ? html`<p class="field-error" id=${`${id}-error`}>${problem}</p>` : nothing}
    </div>`;
  }

  private readonly add = async (event: Event) => {
    const select = event.target as HTMLSelectElement;
    const language = select.value as Language;
    select.value = '';
    if (!language) return;
    this.report({ ...this.draft, [language]: '' });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#translation-${language}`)?.focus();
  };

  private edit(language: Language, text: string): void {
    this.report({ ...this.draft, [language]: text });
  }

  private removeLanguage(language: Language): void {
    const { [language]: _removed, ...rest } = this.draft;
    this.report(rest);
  }

  private report(draft: TranslationDraft): void {
    // The holder re-renders this element with the new draft.
    this.draft = draft;
    this.dispatchEvent(new CustomEvent('translations-change', { detail: draft }) as TranslationsChangeEvent);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'translation-fields': TranslationFields;
  }
}
