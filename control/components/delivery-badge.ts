/**
 * A small badge in the corner after each staff change: "Change #42 delivered to 38/40 screens",
 * counting up live as screens confirm, with the ones that lag. It goes away a few seconds after
 * every screen has the change, or when dismissed; a lagging change stays until then.
 *
 * It is sticky at the page foot rather than fixed: while the page scrolls it floats over the
 * content as a corner badge would, but it keeps its own place after the last row, so scrolled to
 * the end (the journal's oldest undo buttons) nothing is under it. Hidden, it takes no room.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { JournalEntry } from '../../shared/protocol.ts';
import type { ControlData } from '../data/control-data.ts';
import { StoreController } from '../controllers/store-controller.ts';
import { deliveryOf, deliveryText, laggingText } from '../data/delivery.ts';
import { baseStyles } from './styles.ts';
import { LocaleController } from '../controllers/locale-controller.ts';
import { consume } from '@lit/context';
import { controlDataContext } from '../data/data-context.ts';

/** How long a fully delivered change stays on show. */
const HIDE_AFTER_MS = 6000;

@customElement('delivery-badge')
export class DeliveryBadge extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        position: sticky;
        inset-block-end: 0;
        z-index: 50;
        display: flex;
        justify-content: flex-end;
        padding-inline: 1rem;
        /* The strip beside the box is the page's: clicks there reach what is under it. */
        pointer-events: none;
      }
      .box {
        pointer-events: auto;
        max-width: min(30rem, calc(100vw - 2rem));
        margin-block-end: 1rem;
        display: flex;
        gap: 0.6rem;
        align-items: center;
        background: #14213d;
        color: #fff;
        border-radius: 8px;
        padding-block: 0.5rem;
        padding-inline: 0.9rem 0.5rem;
        box-shadow: 0 4px 14px rgb(0 0 0 / 25%);
      }
      .box.lagging {
        background: #6b2c00;
      }
      button {
        color: #fff;
        border-color: #fff;
        background: transparent;
        min-height: 1.8rem;
        padding: 0 0.5rem;
      }
      button:hover {
        background: rgb(255 255 255 / 15%);
      }
    `,
  ];

  @consume({ context: controlDataContext })
  @property({ attribute: false })
  data?: ControlData;
  @state() private watching: JournalEntry | null = null;
  /** Changes up to this revision were made before the panel opened, or were already shown. */
  private baseline: number | null = null;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly storeController = new StoreController(this, () => this.data);
  private readonly locale = new LocaleController(this);

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.hideTimer);
  }

  protected override willUpdate(): void {
    const store = this.data?.store;
    if (!store?.schedule) return;
    if (this.baseline === null) this.baseline = store.revision;
    // Automatic changes (an announcement expiring) are nobody's action.
    const latest = [...store.journal].reverse().find((entry) => entry.actor !== 'system');
    if (latest && latest.revision > this.baseline) {
      this.baseline = latest.revision;
      this.watching = latest;
      clearTimeout(this.hideTimer);
      this.hideTimer = undefined;
    }
    if (!this.watching || this.hideTimer) return;
    if (deliveryOf(store.displays, this.watching.revision).lagging.length === 0) {
      this.hideTimer = setTimeout(() => this.dismiss(), HIDE_AFTER_MS);
    }
  }

  override render() {
    // One live region that stays in the page, so screen readers announce what appears in it. Not
    // role=status: the panel's own status line ("Live") must stay the only one of its kind.
    return html`<div aria-live="polite">${this.renderReport()}</div>`;
  }

  private renderReport() {
    const store = this.data?.store;
    const entry = this.watching;
    if (!store || !entry) return nothing;
    const delivery = deliveryOf(store.displays, entry.revision);
    const lagging = delivery.lagging.length > 0;
    const t = this.locale.t;
    return html`<div class="box ${lagging ? 'lagging' : ''}">
      <span>
        ${t.dlvChange(entry.revision)}
        ${
          lagging
            ? t.dlvWithLagging(deliveryText(delivery, t), t.dlvNotYetOn(laggingText(delivery, t)))
            : deliveryText(delivery, t)
        }
      </span>
      <button aria-label=${t.dlvDismiss} @click=${this.dismiss}>×</button>
    </div>`;
  }

  private readonly dismiss = () => {
    clearTimeout(this.hideTimer);
    this.hideTimer = undefined;
    this.watching = null;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'delivery-badge': DeliveryBadge;
  }
}
