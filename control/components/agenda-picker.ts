/** A plenary's agenda items, with the one under discussion marked; staff move the marker (screens follow). */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Session } from '../../shared/model.ts';
import type { ControlData } from '../data/control-data.ts';
import { WriteController } from '../controllers/write-controller.ts';
import { baseStyles } from './styles.ts';
import { LocaleController } from '../controllers/locale-controller.ts';
import { consume } from '@lit/context';
import { controlDataContext } from '../data/data-context.ts';

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
    `,
  ];

  @consume({ context: controlDataContext })
  @property({ attribute: false })
  data?: ControlData;
  @property({ attribute: false }) session?: Session;
  private readonly write = new WriteController(this, () => this.data);
  private readonly locale = new LocaleController(this);

  override render() {
    const s = this.session;
    const items = s?.agendaItems ?? [];
    if (!s || items.length === 0) return nothing;
    const t = this.locale.t;
    return html`<ol aria-label=${t.agAgendaOf(s.title)}>
        ${items.map((item) => {
          const current = item.code === s.currentAgendaItem;
          return html`<li aria-current=${current ? 'true' : 'false'}>
            <span><bdi class="code">${item.code}</bdi> <bdi>${item.title}</bdi></span>
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
          </li>`;
        })}
      </ol>
      ${
        s.currentAgendaItem
          ? html`<button ?disabled=${this.write.busy} @click=${() => this.mark(null)}>${t.agClear}</button>`
          : nothing
      }
      ${this.write.render()}`;
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
