/**
 * The display fleet: pair a new screen; each screen's name, what it shows, whether it is
 * connected (stale, or since when it is offline), whether it has rendered the latest revision and
 * what device it runs on; per screen: identify, reload, rename/reassign, forget, preview. Above
 * the list, whether every screen got each recent change.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import type { DisplayStatus } from '../../shared/protocol.ts';
import type { ControlData } from '../data/control-data.ts';
import { StoreController } from '../controllers/store-controller.ts';
import { formatClockSeconds } from '../../shared/time.ts';
import { venueName } from '../data/schedule-queries.ts';
import { LocaleController } from '../controllers/locale-controller.ts';
import { aroundData, panelShortDay } from '../i18n/format.ts';
import { offlineFor } from '../data/fleet.ts';
import { FleetActions } from '../data/fleet-actions.ts';
import { classifyError } from '../data/outcome.ts';
import { deviceParts } from '../data/screen-info.ts';
import { baseStyles, dataTable, sectionCard } from './styles.ts';
import './delivery-report.ts';
import './display-preview.ts';
import './pair-screen-form.ts';
import './screen-editor.ts';
import { consume } from '@lit/context';
import { controlDataContext } from '../data/data-context.ts';
import { tableHead } from './field-inputs.ts';

const COLUMNS = 6;

@customElement('screens-panel')
export class ScreensPanel extends LitElement {
  static override styles = [
    baseStyles,
    sectionCard,
    dataTable,
    css`
      section {
        margin-bottom: 1rem;
        overflow-x: auto;
      }
      th,
      td {
        padding: 0.4rem 0.6rem;
        border-bottom-color: #e3e6eb;
      }
      .state {
        font-weight: 700;
      }
      .connected {
        color: var(--ok-ink);
      }
      .offline,
      .stale,
      .behind {
        color: var(--danger);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem;
      }
    `,
  ];

  @consume({ context: controlDataContext })
  @property({ attribute: false })
  data?: ControlData;
  /** What the preview shows: "lobby" or a venue id. */
  @state() private preview = 'lobby';
  /** The screen whose name and assignment are being edited. */
  @state() private editing: string | null = null;
  /** The screen staff asked to forget, awaiting their confirmation. */
  @state() private forgetting: string | null = null;
  /** Waiting for "yes" to forget every offline screen. */
  @state() private forgettingOffline = false;
  /** The outcome of the last command, in words. */
  @state() private outcome: { text: string; error: boolean } | null = null;
  private fleet: FleetActions | undefined;
  private readonly storeController = new StoreController(this, () => this.data);
  private readonly locale = new LocaleController(this);

  protected override willUpdate(): void {
    if (this.data && !this.fleet) this.fleet = new FleetActions(this.data.api, this.data.store);
  }

  override render() {
    const store = this.data?.store;
    if (!store?.schedule) return nothing;
    const displays = [...store.displays].sort(
      (a, b) => Number(b.connected) - Number(a.connected) || a.name.localeCompare(b.name),
    );
    const t = this.locale.t;
    return html`<section aria-labelledby="screens-heading">
        <h2 id="screens-heading">${t.scrHeading}</h2>
        <pair-screen-form .schedule=${store.schedule} .fleet=${this.fleet}></pair-screen-form>
        <delivery-report></delivery-report>
        <h3>${t.scrAllScreens}</h3>
        <p class="hint">${t.scrRevisionHint(store.revision)}</p>
        <p role="status" class=${classMap({ error: this.outcome?.error === true, ok: this.outcome?.error === false })}>
          ${this.outcome?.text ?? ''}
        </p>
        ${this.renderForgetOffline(displays)}
        ${
          displays.length === 0
            ? html`<p>${t.scrNoneYet}</p>`
            : html`<table aria-label=${t.scrAllScreens}>
                ${tableHead([t.scrColScreen, t.scrColShows, t.scrColConnection, t.scrColRevision, t.scrColDevice, t.scrColActions])}
                <tbody>
                  ${displays.map((d) => this.renderRow(d))}
                </tbody>
              </table>`
        }
      </section>
      <display-preview
        .target=${this.preview}
        @target-change=${(e: CustomEvent<string>) => (this.preview = e.detail)}
      ></display-preview>`;
  }

  private renderForgetOffline(displays: DisplayStatus[]) {
    const offline = displays.filter((d) => !d.connected).length;
    if (offline === 0) return nothing;
    const t = this.locale.t;
    if (!this.forgettingOffline) {
      return html`<button @click=${() => (this.forgettingOffline = true)}>${t.scrForgetOffline(offline)}</button>`;
    }
    return html`<div class="notice" role="alertdialog" aria-labelledby="forget-offline-question">
      <p id="forget-offline-question">${t.scrForgetOfflineQuestion(offline)}</p>
      <div class="row">
        <button class="danger" @click=${this.forgetOffline}>${t.scrYesForgetCount(offline)}</button>
        <button @click=${() => (this.forgettingOffline = false)}>${t.scrKeepThem}</button>
      </div>
    </div>`;
  }

  private readonly forgetOffline = async () => {
    this.forgettingOffline = false;
    try {
      const forgotten = await this.fleet!.forgetOffline();
      this.outcome = { text: this.locale.t.scrForgotCount(forgotten), error: false };
    } catch (error) {
      this.outcome = { text: classifyError(error).message, error: true };
    }
  };

  private renderRow(d: DisplayStatus) {
    const store = this.data!.store;
    const t = this.locale.t;
    const shows =
      d.view === 'lobby' ? t.scrLobby : aroundData(t.scrDoorOf, venueName(store.schedule!, d.venueId ?? '?'));
    const behind = store.revision - d.revision;
    return html`<tr>
        <th scope="row">
          <bdi>${d.name}</bdi
          >${d.counted === false ? html`<br /><span class="hint">${t.scrNotCounted}</span>` : nothing}
        </th>
        <td>${shows}</td>
        <td>${this.renderConnection(d)}</td>
        <td class=${behind > 0 ? 'behind' : ''}>
          ${d.revision} — ${behind > 0 ? t.scrBehindBy(behind) : t.scrUpToDate}
        </td>
        <td>${this.renderDevice(d)}</td>
        <td>${this.forgetting === d.id ? this.renderForgetConfirm(d) : this.renderActions(d)}</td>
      </tr>
      ${
        this.editing === d.id
          ? html`<tr>
              <td colspan=${COLUMNS}>
                <screen-editor
                  .display=${d}
                  .schedule=${store.schedule}
                  .fleet=${this.fleet}
                  @done=${() => (this.editing = null)}
                ></screen-editor>
              </td>
            </tr>`
          : nothing
      }`;
  }

  private renderConnection(d: DisplayStatus) {
    const store = this.data!.store;
    const seen = Date.parse(d.lastSeen);
    const t = this.locale.t;
    const silentFor = offlineFor(store.clockOffset + Date.now() - seen, t);
    if (d.connected && d.stale) return html`<span class="state stale">${t.scrSilentFor(silentFor)}</span>`;
    if (d.connected) return html`<span class="state connected">${t.scrConnected}</span>`;
    const zone = store.timezone;
    const lastSeen = `${panelShortDay(seen, zone, this.locale.language)} ${formatClockSeconds(seen, zone)}`;
    return html`<span class="state offline">${t.scrOfflineFor(silentFor)}</span>
      <span class="hint">${t.scrLastSeen(lastSeen)}</span>`;
  }

  /** "Chrome 130 · 1920×1080 landscape · clock on time", the device's words isolated so "1920×1080" reads whole in Arabic. */
  private renderDevice(d: DisplayStatus) {
    const { browser, size, orientation, clock } = deviceParts(d, this.locale.t);
    const parts = [
      browser ? html`<bdi>${browser}</bdi>` : '',
      size ? html`<bdi>${size}</bdi> ${orientation}` : '',
      clock,
    ].filter((part) => part !== '');
    return parts.map((part, index) => html`${index > 0 ? ' · ' : ''}${part}`);
  }

  private renderActions(d: DisplayStatus) {
    const target = d.view === 'lobby' ? 'lobby' : (d.venueId ?? 'lobby');
    const t = this.locale.t;
    const label = (action: string) => t.scrActionLabel(action.replace('…', ''), d.name);
    return html`<div class="actions">
      <button aria-label=${label(t.scrIdentify)} ?disabled=${!d.connected} @click=${() => this.command(d, 'identify')}>
        ${t.scrIdentify}
      </button>
      <button aria-label=${label(t.scrReload)} ?disabled=${!d.connected} @click=${() => this.command(d, 'reload')}>
        ${t.scrReload}
      </button>
      <button
        aria-label=${label(t.scrChange)}
        aria-expanded=${this.editing === d.id ? 'true' : 'false'}
        @click=${() => (this.editing = this.editing === d.id ? null : d.id)}
      >
        ${t.scrChange}
      </button>
      <button aria-label=${label(t.scrForget)} class="danger" @click=${() => (this.forgetting = d.id)}>
        ${t.scrForget}
      </button>
      <button aria-label=${label(t.scrPreview)} @click=${() => (this.preview = target)}>${t.scrPreview}</button>
    </div>`;
  }

  private renderForgetConfirm(d: DisplayStatus) {
    const t = this.locale.t;
    return html`<div class="actions" role="group" aria-label=${t.scrForgetQuestion(d.name)}>
      <span>${t.scrForgetIt} ${d.connected ? t.scrWillPair : ''}</span>
      <button class="danger primary" @click=${() => this.forget(d)}>${t.scrYesForget(d.name)}</button>
      <button @click=${() => (this.forgetting = null)}>${t.scrKeepIt}</button>
    </div>`;
  }

  private async command(d: DisplayStatus, command: 'identify' | 'reload'): Promise<void> {
    try {
      const sent = await (command === 'identify' ? this.fleet!.identify(d.id) : this.fleet!.reload(d.id));
      const t = this.locale.t;
      const done = command === 'identify' ? t.scrShowsName(d.name) : t.scrReloading(d.name);
      this.outcome = sent ? { text: done, error: false } : { text: t.scrNotConnected(d.name), error: true };
    } catch (error) {
      this.outcome = { text: classifyError(error).message, error: true };
    }
  }

  private async forget(d: DisplayStatus): Promise<void> {
    this.forgetting = null;
    try {
      await this.fleet!.forget(d.id);
      this.outcome = { text: this.locale.t.scrForgot(d.name), error: false };
    } catch (error) {
      this.outcome = { text: classifyError(error).message, error: true };
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'screens-panel': ScreensPanel;
  }
}
