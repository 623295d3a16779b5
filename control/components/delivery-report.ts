/**
 * The Screens section's proof of delivery: for each recent change, how many screens have shown it
 * ("delivered to 38/40 screens") and which ones lag. Live: it follows the fleet's confirmations.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ControlData } from '../data/control-data.ts';
import { StoreController } from '../controllers/store-controller.ts';
import { deliveryOf, deliveryText, laggingText } from '../data/delivery.ts';
import { baseStyles } from './styles.ts';
import { consume } from '@lit/context';
import { controlDataContext } from '../data/data-context.ts';

/** How many of the latest changes are reported. */
const RECENT = 5;

@customElement('delivery-report')
export class DeliveryReport extends LitElement {
  static override styles = [
    baseStyles,
    css`
      section {
        margin-bottom: 1rem;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        padding: 0.35rem 0;
        border-bottom: 1px solid #e3e6eb;
      }
      .count {
        font-weight: 700;
      }
      .complete {
        color: var(--ok-ink);
      }
      .lagging {
        color: var(--danger);
      }
    `,
  ];

  @consume({ context: controlDataContext })
  @property({ attribute: false })
  data?: ControlData;
  private readonly storeController = new StoreController(this, () => this.data);

  override render() {
    const store = this.data?.store;
    if (!store) return nothing;
    const recent = store.journal.slice(-RECENT).reverse();
    return html`<section aria-labelledby="delivery-heading">
      <h3 id="delivery-heading">Did every screen get the change?</h3>
      ${
        recent.length === 0
          ? html`<p class="hint">No changes yet.</p>`
          : html`<ol aria-label="Delivery of the latest changes, newest first">
              ${recent.map((entry) => {
                const delivery = deliveryOf(store.displays, entry.revision);
                const complete = delivery.lagging.length === 0;
                return html`<li data-revision=${entry.revision}>
                  <span>#${entry.revision} ${entry.summary}:</span>
                  <span class="count ${complete ? 'complete' : 'lagging'}">${deliveryText(delivery)}</span>
                  ${complete ? nothing : html`<span> — not yet on ${laggingText(delivery)}</span>`}
                </li>`;
              })}
            </ol>`
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'delivery-report': DeliveryReport;
  }
}
