/**
 * The logged-in panel: header (venue clock, live status, emergency banner, log out) and the five
 * sections — schedule, announcements and emergency, journal, screens, import. The section is kept in the
 * URL hash so a reload comes back to it.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ControlData } from '../data/control-data.ts';
import { StoreController } from '../controllers/store-controller.ts';
import { baseStyles } from './styles.ts';
import { fleetSummary } from '../data/fleet.ts';
import './panel-header.ts';
import './day-view.ts';
import './announcements-panel.ts';
import './emergency-panel.ts';
import './journal-panel.ts';
import './screens-panel.ts';
import './venues-panel.ts';
import './delivery-badge.ts';
import './import-panel.ts';
import './feeds-panel.ts';
import { ImportApi } from '../data/import-api.ts';
import './accounts-panel.ts';
import { AccountsApi } from '../data/accounts-api.ts';
import { FeedsApi } from '../data/feeds-api.ts';
import { consume } from '@lit/context';
import { LocaleController } from '../controllers/locale-controller.ts';
import type { PanelMessages } from '../i18n/messages.ts';
import { controlDataContext } from '../data/data-context.ts';

const SECTIONS = [
  { id: 'schedule', label: 'navSchedule' },
  { id: 'announcements', label: 'navAnnouncements' },
  { id: 'journal', label: 'navJournal' },
  { id: 'screens', label: 'navScreens' },
  { id: 'venues', label: 'navVenues' },
  { id: 'import', label: 'navImport' },
  { id: 'accounts', label: 'navAccounts' },
] as const satisfies ReadonlyArray<{ id: string; label: keyof PanelMessages }>;
type SectionId = (typeof SECTIONS)[number]['id'];

function sectionFromHash(): SectionId {
  const id = location.hash.slice(1);
  return SECTIONS.find((s) => s.id === id)?.id ?? 'schedule';
}

@customElement('control-panel')
export class ControlPanel extends LitElement {
  static override styles = [
    baseStyles,
    css`
      /* A column as tall as the window at least, so the delivery badge (the last item, sticky)
         sits at the window's foot even when the section is short. */
      :host {
        display: flex;
        flex-direction: column;
        min-height: 100vh;
      }
      nav {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem;
        padding: 0 1rem;
        border-bottom: 1px solid var(--line);
        background: var(--panel);
      }
      nav button {
        border: none;
        border-bottom: 3px solid transparent;
        border-radius: 0;
        color: var(--ink);
        padding: 0.55rem 0.8rem;
      }
      nav button[aria-current='page'] {
        border-bottom-color: var(--accent);
        color: var(--accent);
        font-weight: 700;
      }
      main {
        flex: 1 0 auto;
        padding: 1rem;
      }
      .loading {
        padding: 1rem;
      }
    `,
  ];

  @consume({ context: controlDataContext })
  @property({ attribute: false })
  data?: ControlData;
  @state() private section: SectionId = sectionFromHash();
  /** Through the panel's one HTTP client, so an expired login during an import asks and retries. */
  private readonly importApi = new ImportApi('', (input, init) =>
    this.data ? this.data.api.fetch(input, init) : fetch(input, init),
  );
  private accountsApi?: AccountsApi;
  private feedsApi?: FeedsApi;
  private readonly storeController = new StoreController(this, () => this.data);
  private readonly locale = new LocaleController(this);
  private readonly onHash = () => (this.section = sectionFromHash());

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHash);
  }

  override render() {
    const data = this.data;
    if (!data) return nothing;
    const t = this.locale.t;
    return html`<panel-header></panel-header>
      <nav aria-label=${t.navLabel}>
        ${SECTIONS.map(
          (s) =>
            html`<button aria-current=${s.id === this.section ? 'page' : 'false'} @click=${() => this.show(s.id)}>
              ${t[s.label]}${s.id === 'screens' ? this.behindCount(data) : nothing}
            </button>`,
        )}
      </nav>
      <main>
        ${data.store.schedule ? this.renderSection(data) : html`<p class="loading" role="status">${t.panelLoadingSchedule}</p>`}
      </main>
      <delivery-badge></delivery-badge>`;
  }

  private renderSection(data: ControlData) {
    switch (this.section) {
      case 'schedule':
        return html`<day-view></day-view>`;
      case 'announcements':
        return html`<announcements-panel></announcements-panel> <emergency-panel></emergency-panel>`;
      case 'journal':
        return html`<journal-panel></journal-panel>`;
      case 'screens':
        return html`<screens-panel></screens-panel>`;
      case 'venues':
        return html`<venues-panel></venues-panel>`;
      case 'import':
        return html`<import-panel .api=${this.importApi}></import-panel
          ><feeds-panel .api=${(this.feedsApi ??= new FeedsApi(data.api))}></feeds-panel>`;
      case 'accounts':
        return html`<accounts-panel .api=${(this.accountsApi ??= new AccountsApi(data.api))}></accounts-panel>`;
    }
  }

  /** " (2 behind)" on the Screens tab, so a screen that missed a change is noticed from anywhere. */
  private behindCount(data: ControlData) {
    const summary = fleetSummary(data.store.displays, data.store.revision);
    return summary ? ` (${summary})` : nothing;
  }

  private show(section: SectionId): void {
    this.section = section;
    history.replaceState(null, '', `#${section}`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'control-panel': ControlPanel;
  }
}
