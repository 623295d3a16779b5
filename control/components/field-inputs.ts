/**
 * Form fields and table heads the panel's components share, beside the choice inputs
 * (choice-inputs.ts): each takes the value and a callback with the typed text, so a component
 * keeps its own state and the markup (label tied to its input, limits) is written once.
 */
import { html, nothing } from 'lit';

/** The text the user typed into an input or textarea. */
function typed(event: Event): string {
  return (event.target as HTMLInputElement | HTMLTextAreaElement).value;
}

/** A labelled textarea in a `.field`, e.g. an announcement's or an emergency's text. */
export function textAreaField(options: {
  id: string;
  label: string;
  value: string;
  maxLength: number;
  onInput: (text: string) => void;
  /** The language of the text typed (it may differ from the panel's), for spelling and the script's direction. */
  lang?: string;
}) {
  const { id, label, value, maxLength, onInput, lang } = options;
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <textarea
      id=${id}
      maxlength=${maxLength}
      lang=${lang ?? nothing}
      dir=${lang ? 'auto' : nothing}
      .value=${value}
      @input=${(e: Event) => onInput(typed(e))}
    ></textarea>
  </div>`;
}

/** A whole-number input (minutes, counts); the caller wraps it in its `.field` with label and hint. */
export function wholeNumberInput(options: {
  id: string;
  value: string;
  min: number;
  max?: number;
  describedBy?: string;
  /** Marks the input for assistive technology when the message next to it says what is wrong. */
  invalid?: boolean;
  onInput: (text: string) => void;
}) {
  const { id, value, min, max, describedBy, invalid, onInput } = options;
  return html`<input
    id=${id}
    type="number"
    min=${min}
    max=${max ?? nothing}
    step="1"
    aria-describedby=${describedBy ?? nothing}
    aria-invalid=${invalid ? 'true' : nothing}
    .value=${value}
    @input=${(e: Event) => onInput(typed(e))}
  />`;
}

/** A table's header row: one column header per name. */
export function tableHead(columns: readonly string[]) {
  return html`<thead>
    <tr>
      ${columns.map((column) => html`<th scope="col">${column}</th>`)}
    </tr>
  </thead>`;
}
