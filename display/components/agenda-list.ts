/**
 * The agenda items of a plenary meeting, the one under discussion highlighted; each item's title in
 * the screen's language when staff or the source gave one. Codes and titles are data, isolated.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AgendaItem } from '../../shared/model.ts';
import { column, shared } from '../styles/theme.ts';
import { consume } from '@lit/context';
import { en } from '../../shared/i18n/en.ts';
import type { Messages } from '../../shared/i18n/messages.ts';
import { messagesContext } from '../i18n/messages-context.ts';
import { ResizeWatch } from '../controllers/resize-watch.ts';
import { localizedTitle } from '../../shared/translations.ts';

@customElement('agenda-list')
export class AgendaList extends LitElement {
  /** The screen's words, in its language. */
  @consume({ context: messagesContext, subscribe: true }) @state() private m: Messages = en;
  @property({ attribute: false }) items: AgendaItem[] = [];
  /** Code of the current item, when staff set one. */
  @property() current: string | undefined;
  /** Items the list could not fit (measured after layout): "and N more". */
  @state() private notShown = 0;

  static override styles = [
    shared,
    column,
    css`
      ol {
        flex: 1;
      }
      li {
        display: flex;
        gap: 1.5vmin;
        padding: 0.6vh 1vmin;
        font-size: var(--text-min);
        line-height: 1.25;
        border-inline-start: 0.6vmin solid transparent;
      }
      .code {
        flex: none;
        min-width: 3.6em;
        font-weight: 700;
        color: var(--muted);
      }
      li[aria-current] {
        background: var(--highlight);
        border-inline-start-color: var(--fg);
        font-weight: 700;
      }
      li[aria-current] .code {
        color: var(--fg);
      }
      .title {
        -webkit-line-clamp: 2;
      }
      .discussing {
        display: block;
        font-size: var(--text-min);
        color: var(--accent);
        text-transform: uppercase;
        letter-spacing: 0.06em;
      }
      .more {
        font-size: var(--text-min);
        color: var(--muted);
        padding: 0.4vh 1vmin;
      }
      /* Portrait is narrow and tall: items packed closer, the code column no wider than its
         codes, so a plenary's whole agenda fits; what truly cannot still goes to the hidden
         column of the fit-list and is counted in "and N more", never cut mid-item. */
      @media (orientation: portrait) {
        li {
          gap: 1vmin;
          padding: 0.15vh 1vmin;
          line-height: 1.1;
        }
        .code {
          min-width: 2.7em;
        }
        .title {
          -webkit-line-clamp: 3;
        }
      }
    `,
  ];

  override render() {
    if (this.items.length === 0) return nothing;
    // The list shows the items that fit from its top: start at the current item, so it is
    // always among them (the ones already dealt with matter least).
    const currentIndex = this.items.findIndex((item) => item.code === this.current);
    const shown = currentIndex > 0 ? this.items.slice(currentIndex) : this.items;
    return html`<span class="label">${this.m.agenda}</span>
      <ol class="fit-list">
        <li class="spacer" aria-hidden="true"></li>
        ${shown.map((item) => {
          const title = localizedTitle(item, this.m.language);
          return html`<li aria-current=${item.code === this.current ? 'step' : nothing}>
            <bdi class="code">${item.code}</bdi>
            <span class="title clamp-2"
              >${
                item.code === this.current ? html`<span class="discussing">${this.m.nowDiscussing}</span>` : nothing
              }<bdi dir="auto" lang=${title.language ?? nothing}>${title.text}</bdi></span
            >
          </li>`;
        })}
      </ol>
      ${this.notShown > 0 ? html`<span class="more">${this.m.andMore(this.notShown)}</span>` : nothing}`;
  }

  /** Recounts when the list's room changes without a render (title refitted, banner, screen turned). */
  protected readonly resizeWatch = new ResizeWatch(this, () => this.countHidden());

  override updated(): void {
    this.countHidden();
  }

  /** Counts the items the fit-list moved to its hidden column (beside the first, on either side). */
  private countHidden(): void {
    const items = [...this.renderRoot.querySelectorAll<HTMLElement>('li:not(.spacer)')];
    const column = items[0]?.offsetLeft ?? 0;
    const hidden = items.filter((item) => item.offsetLeft !== column).length;
    if (hidden !== this.notShown) this.notShown = hidden;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'agenda-list': AgendaList;
  }
}
