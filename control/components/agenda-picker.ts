/**
 * A plenary's agenda items, with the one under discussion marked; staff move the marker (screens
 * follow) and give an item's title in other languages (the plenary door and the lobby show the
 * screen's language), with the same translation fields as a session's title.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AgendaItem, Session } from '../../shared/model.ts';
import type { ControlData } from '../data/control-data.ts';
import { WriteController } from '../controllers/write-controller.ts';
import { baseStyles } from './styles.ts';
import { LocaleController } from '../controllers/locale-controller.ts';
import { consume } from '@lit/context';
import { controlDataContext } from '../data/data-context.ts';
import {
  sessionTranslationDraft,
  sessionTranslations,
  translatedInto,
  translationProblems,
  type TranslationDraft,
  type TranslationProblems,
} from '../data/translation-draft.ts';
import { withTranslations } from '../../shared/translations.ts';
import type { TranslationsChangeEvent } from './translation-fields.ts';
import './translation-fields.ts';

@customElement('agenda-picker')
export class AgendaPicker extends LitElement {
  static override styles = [
    baseStyles,
    css`
      ol {
        list-style: none;
        margin: 0 0 0.5rem;
        padding: 0;
      }
      li {
        display: flex;
        gap: 0.6rem;
        align-items: center;
        justify-content: space-between;
        padding: 0.3rem 0.4rem;
        border-bottom: 1px solid #e3e6eb;
      }
      li[aria-current='true'] {
        background: var(--ok-bg);
        border-inline-start: 4px solid #1f6f3b;
      }
      .code {
        font-weight: 700;
        white-space: nowrap;
      }
      .current {
        color: var(--ok-ink);
        font-weight: 700;
        white-space: nowrap;
      }
      .actions {
        display: flex;
        gap: 0.4rem;
        align-items: center;
      }
      .translating {
        display: block;
        padding: 0.4rem 0.4rem 0.6rem;
        border-bottom: 1px solid #e3e6eb;
      }
    `,
  ];

  @consume({ context: controlDataContext })
  @property({ attribute: false })
  data?: ControlData;
  @property({ attribute: false }) session?: Session;
  private readonly write = new WriteController(this, () => this.data);
  private readonly locale = new LocaleController(this);
  /** The item whose translations are open, with what staff typed so far. */
  @state() private translating: { code: string; draft: TranslationDraft; problems: TranslationProblems } | null = null;

  override render() {
    const s = this.session;
    const items = s?.agendaItems ?? [];
    if (!s || items.length === 0) return nothing;
    const t = this.locale.t;
    return html`<ol aria-label=${t.agAgendaOf(s.title)}>
        ${items.map((item) => {
          const current = item.code === s.currentAgendaItem;
          const open = this.translating?.code === item.code;
          return html`<li aria-current=${current ? 'true' : 'false'}>
              <span
                ><bdi class="code">${item.code}</bdi> <bdi>${item.title}</bdi>${
                  item.translations
                    ? html`<span class="hint"> · ${t.trTranslatedInto(translatedInto(item.translations))}</span>`
                    : nothing
                }</span
              >
              <span class="actions">
                <button
                  aria-label=${t.agTranslationsOf(item.code)}
                  aria-expanded=${open ? 'true' : 'false'}
                  @click=${() => this.toggleTranslations(item)}
                >
                  ${t.agTranslations}
                </button>
                ${
                  current
                    ? html`<span class="current">${t.agUnderDiscussion}</span>`
                    : html`<button
                        aria-label=${t.agMarkLabel(item.code)}
                        ?disabled=${this.write.busy}
                        @click=${() => this.mark(item.code)}
                      >
                        ${t.agMark}
                      </button>`
                }
              </span>
            </li>
            ${open ? this.renderTranslations(item) : nothing}`;
        })}
      </ol>
      ${
        s.currentAgendaItem
          ? html`<button ?disabled=${this.write.busy} @click=${() => this.mark(null)}>${t.agClear}</button>`
          : nothing
      }
      ${this.write.render()}`;
  }

  private renderTranslations(item: AgendaItem) {
    const t = this.locale.t;
    const open = this.translating!;
    return html`<li class="translating" aria-label=${t.agTranslationsOf(item.code)}>
      <translation-fields
        field="title"
        .draft=${open.draft}
        .problems=${open.problems}
        @translations-change=${(e: TranslationsChangeEvent) =>
          (this.translating = { code: item.code, draft: e.detail, problems: {} })}
      ></translation-fields>
      <div class="row">
        <button class="primary" ?disabled=${this.write.busy} @click=${() => this.saveTranslations(item.code)}>
          ${t.agSaveTranslations}
        </button>
        <button @click=${() => (this.translating = null)}>${t.agCloseTranslations}</button>
      </div>
    </li>`;
  }

  private toggleTranslations(item: AgendaItem): void {
    this.translating =
      this.translating?.code === item.code
        ? null
        : { code: item.code, draft: sessionTranslationDraft(item.translations), problems: {} };
  }

  /** The whole agenda goes back with this item's translations replaced (the version guards a colleague's edit). */
  private async saveTranslations(code: string): Promise<void> {
    const s = this.session;
    const data = this.data;
    const open = this.translating;
    if (!s || !data || !open) return;
    const problems = translationProblems(open.draft, 'title', this.locale.t.trEmpty);
    if (Object.keys(problems).length > 0) {
      this.translating = { ...open, problems };
      return;
    }
    const agendaItems = (s.agendaItems ?? []).map((item) => {
      if (item.code !== code) return item;
      const { translations: _replaced, ...rest } = item;
      return { ...rest, ...withTranslations(sessionTranslations(open.draft)) };
    });
    const saved = await this.write.run({
      sessionId: s.id,
      version: s.version,
      description: this.locale.t.agDoTranslate(code),
      send: (options) => data.actions.patchSession(s.id, { agendaItems, ...options }),
    });
    if (saved) this.translating = null;
  }

  private mark(code: string | null): void {
    const s = this.session;
    const data = this.data;
    if (!s || !data) return;
    void this.write.run({
      sessionId: s.id,
      version: s.version,
      description: code ? this.locale.t.agDoMark(code) : this.locale.t.agDoClear,
      send: (options) => data.actions.patchSession(s.id, { currentAgendaItem: code, ...options }),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'agenda-picker': AgendaPicker;
  }
}
