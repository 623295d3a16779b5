/** A live, scaled-down copy of a door or lobby display, exactly as delegates see it (the real page in an iframe). */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { ControlData } from '../data/control-data.ts';
import { LOBBY } from '../../shared/model.ts';
import { baseStyles, sectionCard } from './styles.ts';
import { consume } from '@lit/context';
import { controlDataContext } from '../data/data-context.ts';
import { LocaleController } from '../controllers/locale-controller.ts';

const SHAPES = {
  landscape: { width: 1920, height: 1080, label: 'prevLandscape' },
  portrait: { width: 1080, height: 1920, label: 'prevPortrait' },
} as const;
type Shape = keyof typeof SHAPES;

/** The preview is drawn at this fraction of the real screen's size. */
const SCALE = 0.3;

@customElement('display-preview')
export class DisplayPreview extends LitElement {
  static override styles = [
    baseStyles,
    sectionCard,
    css`
      .frame {
        box-sizing: content-box;
        max-width: 100%;
        overflow: hidden;
        border: 6px solid #222;
        border-radius: 6px;
        background: #000;
        margin-top: 0.6rem;
      }
      iframe {
        border: 0;
        transform-origin: 0 0;
      }
    `,
  ];

  @consume({ context: controlDataContext })
  @property({ attribute: false })
  data?: ControlData;
  /** "lobby" or a venue id. */
  @property() target = LOBBY;
  @state() private shape: Shape = 'landscape';
  private readonly locale = new LocaleController(this);

  override render() {
    const schedule = this.data?.store.schedule;
    if (!schedule) return nothing;
    const rooms = schedule.venues.filter((v) => v.kind === 'room');
    const size = SHAPES[this.shape];
    // ?preview=1 asks the display not to count itself in the fleet (a preview is not a screen).
    const path = this.target === LOBBY ? '/display/lobby' : `/display/room/${encodeURIComponent(this.target)}`;
    const src = `${path}?preview=1`;
    const t = this.locale.t;
    const title = this.target === LOBBY ? t.prevFrameLobby : t.prevFrameDoor(this.target);
    return html`<section aria-labelledby="preview-heading">
      <h2 id="preview-heading">${t.scrPreview}</h2>
      <div class="row">
        <div class="field">
          <label for="preview-target">${t.prevTarget}</label>
          <select id="preview-target" @change=${this.onTarget}>
            <option value=${LOBBY} ?selected=${this.target === LOBBY}>${t.annLobby}</option>
            ${rooms.map((v) => html`<option value=${v.id} data-name=${v.name} ?selected=${v.id === this.target}>${t.scrDoorOf(v.name)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="preview-shape">${t.prevShape}</label>
          <select
            id="preview-shape"
            @change=${(e: Event) => (this.shape = (e.target as HTMLSelectElement).value as Shape)}
          >
            ${Object.entries(SHAPES).map(([id, s]) => html`<option value=${id} ?selected=${id === this.shape}>${t[s.label]}</option>`)}
          </select>
        </div>
      </div>
      <div class="frame" style=${styleMap({ width: `${size.width * SCALE}px`, height: `${size.height * SCALE}px` })}>
        <iframe
          title=${title}
          src=${src}
          width=${size.width}
          height=${size.height}
          style=${styleMap({ transform: `scale(${SCALE})` })}
        ></iframe>
      </div>
    </section>`;
  }

  private onTarget(event: Event): void {
    this.dispatchEvent(new CustomEvent('target-change', { detail: (event.target as HTMLSelectElement).value }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'display-preview': DisplayPreview;
  }
}
