/**
 * Cancel (with a confirmation step), reinstate, and delete (with a confirmation step). A cancelled
 * session stays on the screens struck through; a deleted one disappears.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Session } from '../../shared/model.ts';
import type { ControlData } from '../data/control-data.ts';
import { WriteController, type WriteOptions } from '../controllers/write-controller.ts';
import { baseStyles } from './styles.ts';
import { consume } from '@lit/context';
import { controlDataContext } from '../data/data-context.ts';
import { LocaleController } from '../controllers/locale-controller.ts';

type Confirming = 'cancel' | 'delete' | null;

@customElement('status-actions')
export class StatusActions extends LitElement {
  static override styles = [baseStyles];

  @consume({ context: controlDataContext })
  @property({ attribute: false })
  data?: ControlData;
  @property({ attribute: false }) session?: Session;
  /** Called once the session is deleted (by then this element may already be gone from the page). */
  @property({ attribute: false }) onDeleted: () => void = () => undefined;
  @state() private confirming: Confirming = null;
  private readonly write = new WriteController(this, () => this.data);
  private readonly locale = new LocaleController(this);

  override render() {
    const s = this.session;
    if (!s) return nothing;
    const t = this.locale.t;
    return html`<fieldset>
      <legend>${t.stStatus}</legend>
      ${
        this.confirming === 'cancel'
          ? this.confirm(t.stCancelQuestion(s.title), t.stYesCancel, () => this.setStatus('cancelled'))
          : this.confirming === 'delete'
            ? this.confirm(t.stDeleteQuestion(s.title), t.stYesDelete, () => this.removeSession())
            : html`<div class="row">
                ${
                  s.status === 'cancelled'
                    ? html`<p style="margin:0">${t.stIsCancelled}</p>
                        <button class="primary" @click=${() => this.setStatus('scheduled')}>${t.stReinstate}</button>`
                    : html`<button class="danger" @click=${() => this.ask('cancel')}>${t.stCancelSession}</button>`
                }
                <button class="danger" @click=${() => this.ask('delete')}>${t.stDeleteSession}</button>
              </div>`
      }
      ${this.write.render()}
    </fieldset>`;
  }

  private confirm(question: string, yes: string, action: () => void) {
    return html`<div class="notice" role="group" aria-labelledby="question">
      <p id="question">${question}</p>
      <div class="row">
        <button class="danger primary" ?disabled=${this.write.busy} @click=${action}>${yes}</button>
        <button @click=${() => this.ask(null)}>${this.locale.t.stKeepIt}</button>
      </div>
    </div>`;
  }

  private async ask(confirming: Confirming): Promise<void> {
    this.confirming = confirming;
    this.write.clear();
    await this.updateComplete;
    // Keyboard users land on the next decision: the confirm button, or back on the action.
    const target = confirming ? '.notice button' : 'button';
    this.renderRoot.querySelector<HTMLButtonElement>(target)?.focus();
  }

  private setStatus(status: Session['status']): Promise<void> {
    const description = status === 'cancelled' ? this.locale.t.stDoCancel : this.locale.t.stDoReinstate;
    return this.send(
      description,
      (data, s, options) => data.actions.patchSession(s.id, { status, ...options }),
      () => void this.ask(null),
    );
  }

  private removeSession(): Promise<void> {
    return this.send(
      this.locale.t.stDoDelete,
      (data, s, options) => data.actions.deleteSession(s.id, options.expectedVersion),
      () => {
        this.confirming = null;
        this.onDeleted();
      },
    );
  }

  private async send(
    description: string,
    send: (data: ControlData, session: Session, options: WriteOptions) => Promise<unknown>,
    done: () => void,
  ): Promise<void> {
    const s = this.session;
    const data = this.data;
    if (!s || !data) return;
    await this.write.run({ sessionId: s.id, version: s.version, description, send: (o) => send(data, s, o), done });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'status-actions': StatusActions;
  }
}
