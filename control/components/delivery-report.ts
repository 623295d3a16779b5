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
import { LocaleController } from '../controllers/locale-controller.ts';
import { JOURNAL_OPERATIONS, type JournalOperation } from '../i18n/messages.ts';
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
  private readonly locale = new LocaleController(this);

  override render() {
    const store = this.data?.store;
    if (!store) return nothing;
    const recent = store.journal.slice(-RECENT).reverse();
    const t = this.locale.t;
    const operation = (name: string) =>
      (JOURNAL_OPERATIONS as readonly string[]).includes(name) ? t.journalOperations[name as JournalOperation] : '';
    return html`<section aria-labelledby="delivery-heading">
      <h3 id="delivery-heading">${t.dlvHeading}</h3>
      ${
        recent.length === 0
          ? html`<p class="hint">${t.journalEmpty}</p>`
          : html`<ol aria-label=${t.dlvListLabel}>
              ${recent.map((entry) => {
                const delivery = deliveryOf(store.displays, entry.revision);
                const complete = delivery.lagging.length === 0;
                // As in the journal: the operation in the reader's words, the server's English summary isolated.
                return html`<li data-revision=${entry.revision}>
                  <span>#${entry.revision} ${operation(entry.operation)} <bdi lang="en">${entry.summary}</bdi>:</span>
                  ${
                    complete
                      ? html`<span class="count complete">${deliveryText(delivery, t)}</span>`
                      : html`<span class="count lagging"
                          >${t.dlvWithLagging(deliveryText(delivery, t), t.dlvNotYetOn(laggingText(delivery, t)))}</span
                        >`
                  }
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
