/** A QR code as crisp SVG (dark modules on white with the standard quiet zone). */
import { LitElement, css, html, svg, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { generate } from 'lean-qr';
import { toSvgPath } from 'lean-qr/extras/svg';

const QUIET_ZONE = 4;

@customElement('qr-code')
export class QrCode extends LitElement {
  @property() value = '';
  /** Accessible description, e.g. "QR code to join online". */
  @property() label = 'QR code';

  static override styles = css`
    :host {
      display: block;
      aspect-ratio: 1;
    }
    svg {
      display: block;
      width: 100%;
      height: 100%;
    }
  `;

  private cache: { value: string; path: string; size: number } | null = null;

  override render() {
    if (!this.value) return nothing;
    // The code only changes with the URL, not with every clock tick.
    if (this.cache?.value !== this.value) {
      const code = generate(this.value);
      this.cache = { value: this.value, path: toSvgPath(code), size: code.size };
    }
    const { path, size } = this.cache;
    const box = size + QUIET_ZONE * 2;
    return html`<svg
      role="img"
      aria-label=${this.label}
      viewBox="${-QUIET_ZONE} ${-QUIET_ZONE} ${box} ${box}"
      shape-rendering="crispEdges"
    >
      ${svg`<rect x=${-QUIET_ZONE} y=${-QUIET_ZONE} width=${box} height=${box} fill="#ffffff"></rect>
        <path d=${path} fill="#000000"></path>`}
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'qr-code': QrCode;
  }
}
