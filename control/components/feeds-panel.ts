/**
 * <feeds-panel>: the live feeds staff manage — add a URL, remove a feed, see whether each is
 * healthy (last sync, failing since when and why) and the staff edits a feed did not override,
 * each with one click to take the feed's value instead.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { PropertyValues } from 'lit';
import type { FeedsApi } from '../data/feeds-api.ts';
import type { FeedStatus, KeptEdit } from '../../shared/feeds.ts';
import { baseStyles } from './styles.ts';
import { LocaleController } from '../controllers/locale-controller.ts';
import { feedFailureText } from '../data/feed-failures.ts';

/** Times as the server sends them (venue offset, 24-hour), shown as "2024-10-14 13:05" in any language. */
function shortTime(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}

function shortValue(field: string, value: string): string {
  return field === 'start' || field === 'end' ? value.slice(11, 16) : value;
}

@customElement('feeds-panel')
export class FeedsPanel extends LitElement {
  static override styles = [
    baseStyles,
    css`
      ul {
        padding-inline-start: 1.2rem;
      }
      .failing {
        color: var(--danger, #b00020);
      }
    `,
  ];

  @property({ attribute: false }) api?: FeedsApi;
  @state() private feeds: FeedStatus[] = [];
  @state() private url = '';
  @state() private error = '';
  @state() private busy = false;
  private readonly locale = new LocaleController(this);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') && this.api) void this.refresh();
  }

  override render() {
    const t = this.locale.t;
    return html`<section aria-labelledby="feeds-heading">
      <h2 id="feeds-heading">${t.feedHeading}</h2>
      <p class="hint">${t.feedHint}</p>
      <form @submit=${this.add}>
        <span class="field">
          <label for="feed-url">${t.feedUrl}</label>
          <input
            id="feed-url"
            type="url"
            required
            .value=${this.url}
            ?disabled=${this.busy}
            aria-invalid=${this.error ? 'true' : 'false'}
            @input=${(e: Event) => (this.url = (e.target as HTMLInputElement).value)}
          />
          ${this.error ? html`<span class="field-error" role="alert"><bdi>${this.error}</bdi></span>` : nothing}
        </span>
        <button class="primary" type="submit" ?disabled=${this.busy}>${t.feedAdd}</button>
        <button type="button" ?disabled=${this.busy} @click=${this.refresh}>${t.feedRefresh}</button>
      </form>
      ${
        this.feeds.length === 0
          ? html`<p>${t.feedNone}</p>`
          : html`<ul aria-label=${t.feedList}>
              ${this.feeds.map((f) => this.renderFeed(f))}
            </ul>`
      }
    </section>`;
  }

  private renderFeed(feed: FeedStatus) {
    const t = this.locale.t;
    return html`<li>
      <strong><bdi>${feed.url}</bdi></strong> —
      ${t.feedLastSync(feed.lastSyncAt ? shortTime(feed.lastSyncAt) : t.feedNever)}
      ${
        feed.failingSince
          ? html`<span class="failing"
              >${t.feedFailingSince(shortTime(feed.failingSince))} ${this.renderFailure(feed)}</span
            >`
          : nothing
      }
      <button ?disabled=${this.busy} aria-label=${t.feedRemoveLabel(feed.url)} @click=${() => this.removeFeed(feed)}>
        ${t.feedRemove}
      </button>
      ${
        feed.kept.length
          ? html`<ul aria-label=${t.feedKeptList}>
              ${feed.kept.map((k) => this.renderKept(feed, k))}
            </ul>`
          : nothing
      }
    </li>`;
  }

  /** Worded from its code; a failure without one is the server's English, quoted as sent and isolated. */
  private renderFailure(feed: FeedStatus) {
    const failure = feedFailureText(feed, this.locale.t);
    return 'asSent' in failure ? html`<bdi>${failure.asSent}</bdi>` : failure.worded;
  }

  private renderKept(feed: FeedStatus, kept: KeptEdit) {
    const t = this.locale.t;
    const says = shortValue(kept.field, kept.feedSays);
    return html`<li>
      <bdi>${kept.title}</bdi>: ${t.feedKept(says, shortValue(kept.field, kept.kept), kept.keptBy)}
      <button ?disabled=${this.busy} @click=${() => this.accept(feed, kept)}>${t.feedAccept}</button>
    </li>`;
  }

  private readonly add = async (event: Event) => {
    event.preventDefault();
    await this.run(async () => {
      await this.api!.add(this.url.trim());
      this.url = '';
      this.feeds = await this.api!.list();
    });
  };

  private readonly refresh = () => this.run(async () => void (this.feeds = await this.api!.list()));

  private removeFeed(feed: FeedStatus) {
    return this.run(async () => {
      await this.api!.remove(feed.id);
      this.feeds = await this.api!.list();
    });
  }

  private accept(feed: FeedStatus, kept: KeptEdit) {
    return this.run(async () => {
      await this.api!.accept(feed.id, kept.sessionId);
      this.feeds = await this.api!.list();
    });
  }

  private async run(task: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      await task();
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'feeds-panel': FeedsPanel;
  }
}
