import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

@customElement('signage-control')
export class SignageControl extends LitElement {
  @property() label = 'display';
  override render() {
    return html`<p>${this.label}</p>`;
  }
}
declare global {
  interface HTMLElementTagNameMap {
    'signage-control': SignageControl;
  }
}
