import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

@customElement('signage-display')
export class SignageDisplay extends LitElement {
  @property() label = 'display';
  override render() {
    return html`<p>${this.label}</p>`;
  }
}
declare global {
  interface HTMLElementTagNameMap {
    'signage-display': SignageDisplay;
  }
}
