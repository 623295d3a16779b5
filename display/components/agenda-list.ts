/** The agenda items of a plenary meeting, the one under discussion highlighted. */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { AgendaItem } from '../../shared/model.ts';
import { shared } from '../styles/theme.ts';

@customElement('agenda-list')
export class AgendaList extends LitElement {
  @property({ attribute: false }) items: AgendaItem[] = [];
  /** Code of the current item, when staff set one. */
  @property() current: string | undefined;

  static override styles = [
    shared,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 0;
      }
      ol {
        flex: 1;
      }
      li {
        display: flex;
        gap: 1.5vmin;
        padding: 0.6vh 1vmin;
        font-size: var(--text-min);
        line-height: 1.25;
        border-left: 0.6vmin solid transparent;
      }
      .code {
        flex: none;
        min-width: 3.6em;
        font-weight: 700;
        color: var(--muted);
      }
      li[aria-current] {
        background: var(--highlight);
        border-left-color: var(--fg);
        font-weight: 700;
      }
      li[aria-current] .code {
        color: var(--fg);
      }
      .title {
        -webkit-line-clamp: 2;
      }
    `,
  ];

  override render() {
    if (this.items.length === 0) return nothing;
    // The list shows the items that fit from its top: start at the current item, so it is
    // always among them (the ones already dealt with matter least).
    const currentIndex = this.items.findIndex((item) => item.code === this.current);
    const shown = currentIndex > 0 ? this.items.slice(currentIndex) : this.items;
    return html`<span class="label">Agenda</span>
      <ol class="fit-list">
        <li class="spacer" aria-hidden="true"></li>
        ${shown.map(
          (item) =>
            html`<li aria-current=${item.code === this.current ? 'step' : nothing}>
              <span class="code">${item.code}</span>
              <span class="title clamp-2" dir="auto">${item.title}</span>
            </li>`,
        )}
      </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'agenda-list': AgendaList;
  }
}
