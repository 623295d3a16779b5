/** The labelled radio buttons and check boxes the panel's forms are made of. */
import { html, type TemplateResult } from 'lit';

/** A label may hold markup, such as a <bdi> around an example title. */
export function radioChoice(name: string, label: string | TemplateResult, checked: boolean, choose: () => void) {
  return html`<label class="check"
    ><input type="radio" name=${name} .checked=${checked} @change=${choose} /> ${label}</label
  >`;
}

export function checkChoice(label: string, checked: boolean, toggle: (checked: boolean) => void) {
  return html`<label class="check"
    ><input
      type="checkbox"
      .checked=${checked}
      @change=${(event: Event) => toggle((event.target as HTMLInputElement).checked)}
    />
    ${label}</label
  >`;
}
