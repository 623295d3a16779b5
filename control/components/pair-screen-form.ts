/**
 * "Pair a screen": staff type the code a new screen shows at /display, choose what it should show
 * and name it; the screen switches at once and keeps that assignment from then on.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Schedule } from '../../shared/model.ts';
import { assignmentChoices, assignmentOf, type FleetActions } from '../data/fleet-actions.ts';
import { ActionTask } from '../controllers/action-task.ts';
import { baseStyles } from './styles.ts';
import { LocaleController } from '../controllers/locale-controller.ts';

@customElement('pair-screen-form')
export class PairScreenForm extends LitElement {
  static override styles = [
    baseStyles,
    css`
      form {
        border: 1px solid var(--line);
        border-radius: 6px;
        padding: 0.6rem 0.8rem;
        margin-bottom: 1rem;
      }
      .code {
        text-transform: uppercase;
        letter-spacing: 0.15em;
        width: 9rem;
      }
    `,
  ];

  @property({ attribute: false }) schedule?: Schedule;
  @property({ attribute: false }) fleet?: FleetActions;
  @state() private code = '';
  @state() private choice = 'lobby';
  @state() private name = '';
  private readonly pairing = new ActionTask(this, (fleet: FleetActions) =>
    fleet.pair(this.code.trim(), assignmentOf(this.choice), this.name.trim()),
  );
  @state() private paired = '';
  private readonly locale = new LocaleController(this);

  override render() {
    if (!this.schedule) return nothing;
    const t = this.locale.t;
    const choices = assignmentChoices(this.schedule, t);
    const [hintBefore, hintAfter] = t.pairHint;
    return html`<form aria-labelledby="pair-heading" @submit=${this.submit}>
      <h3 id="pair-heading">${t.pairHeading}</h3>
      <p class="hint">
        ${hintBefore} <bdi><code>/display</code></bdi> ${hintAfter}
      </p>
      <div class="row">
        <div class="field">
          <label for="pair-code">${t.pairCode}</label>
          <input
            id="pair-code"
            class="code"
            required
            autocomplete="off"
            maxlength="12"
            .value=${this.code}
            @input=${(e: Event) => (this.code = (e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="field">
          <label for="pair-shows">${t.scrColShows}</label>
          <select
            id="pair-shows"
            .value=${this.choice}
            @change=${(e: Event) => (this.choice = (e.target as HTMLSelectElement).value)}
          >
            ${choices.map((c) => html`<option value=${c.value} data-name=${c.name ?? nothing} ?selected=${c.value === this.choice}>${c.label}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="pair-name">${t.pairName}</label>
          <input
            id="pair-name"
            required
            maxlength="100"
            placeholder=${t.pairNamePlaceholder}
            .value=${this.name}
            @input=${(e: Event) => (this.name = (e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="field">
          <button class="primary" type="submit" ?disabled=${this.pairing.busy}>${t.pairSubmit}</button>
        </div>
      </div>
      ${this.pairing.errorText ? html`<p class="error" role="alert"><bdi>${this.pairing.errorText}</bdi></p>` : nothing}
      ${this.paired ? html`<p class="ok" role="status">${this.paired}</p>` : nothing}
    </form>`;
  }

  private readonly submit = async (event: Event) => {
    event.preventDefault();
    if (!this.fleet || this.pairing.busy) return;
    this.paired = '';
    if (!(await this.pairing.perform(this.fleet))) return;
    const display = this.pairing.value!;
    const t = this.locale.t;
    const shows = assignmentChoices(this.schedule!, t).find((c) => c.value === this.choice)?.label ?? this.choice;
    this.paired = t.pairDone(display.name, shows);
    this.code = '';
    this.name = '';
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'pair-screen-form': PairScreenForm;
  }
}
