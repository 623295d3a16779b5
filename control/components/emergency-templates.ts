/**
 * The prepared emergency messages, editable: wording agreed on calmly beforehand, so under
 * pressure a takeover is "Evacuation" → "Yes, take over all screens" with no typing.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { EmergencyTemplate } from '../../shared/commands.ts';
import { EmergencyTemplateInputSchema, fieldProblem } from '../../shared/commands.ts';
import type { ControlData } from '../data/control-data.ts';
import { classifyError } from '../data/outcome.ts';
import { baseStyles } from './styles.ts';
import { consume } from '@lit/context';
import { controlDataContext } from '../data/data-context.ts';

@customElement('emergency-templates')
export class EmergencyTemplates extends LitElement {
  static override styles = [baseStyles];

  @consume({ context: controlDataContext })
  @property({ attribute: false })
  data?: ControlData;
  @property({ attribute: false }) templates: EmergencyTemplate[] = [];
  /** Per template id: the draft being edited and a message (saved or the first problem). */
  @state() private drafts = new Map<string, { label: string; text: string; message?: string; error?: string }>();

  override render() {
    if (this.templates.length === 0) return nothing;
    return html`<details>
      <summary>Edit the prepared messages</summary>
      ${this.templates.map((t) => {
        const draft = this.drafts.get(t.id) ?? { label: t.label, text: t.text };
        return html`<fieldset>
          <legend>${t.label}</legend>
          <div class="field">
            <label for="label-${t.id}">Button label</label>
            <input
              id="label-${t.id}"
              .value=${draft.label}
              @input=${(e: Event) => this.edit(t, { label: (e.target as HTMLInputElement).value })}
            />
          </div>
          <div class="field">
            <label for="text-${t.id}">Message shown on every screen</label>
            <textarea
              id="text-${t.id}"
              maxlength="1000"
              .value=${draft.text}
              aria-invalid=${draft.error ? 'true' : 'false'}
              aria-describedby=${draft.error ? `error-${t.id}` : nothing}
              @input=${(e: Event) => this.edit(t, { text: (e.target as HTMLTextAreaElement).value })}
            ></textarea>
            ${draft.error ? html`<p class="field-error" id="error-${t.id}">${draft.error}</p>` : nothing}
          </div>
          <button @click=${() => this.save(t)}>Save “${draft.label || t.label}”</button>
          ${draft.message ? html`<p class="ok" role="status">${draft.message}</p>` : nothing}
        </fieldset>`;
      })}
    </details>`;
  }

  private edit(template: EmergencyTemplate, change: Partial<{ label: string; text: string }>): void {
    const current = this.drafts.get(template.id) ?? { label: template.label, text: template.text };
    this.drafts = new Map(this.drafts).set(template.id, { label: current.label, text: current.text, ...change });
  }

  private async save(template: EmergencyTemplate): Promise<void> {
    const draft = this.drafts.get(template.id) ?? { label: template.label, text: template.text };
    const problem =
      fieldProblem(EmergencyTemplateInputSchema.shape.text, draft.text) ??
      fieldProblem(EmergencyTemplateInputSchema.shape.label, draft.label);
    if (problem) {
      this.drafts = new Map(this.drafts).set(template.id, { ...draft, error: `The message and its label ${problem}.` });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#text-${template.id}`)?.focus();
      return;
    }
    try {
      await this.data!.api.put(`/api/emergency/templates/${encodeURIComponent(template.id)}`, {
        label: draft.label.trim(),
        text: draft.text.trim(),
      });
      this.drafts = new Map(this.drafts).set(template.id, { label: draft.label, text: draft.text, message: 'Saved.' });
      this.dispatchEvent(new CustomEvent('templates-changed'));
    } catch (error) {
      this.drafts = new Map(this.drafts).set(template.id, { ...draft, error: classifyError(error).message });
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'emergency-templates': EmergencyTemplates;
  }
}
