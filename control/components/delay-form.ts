/** Delay a session by 5, 10, 15 or any number of minutes, optionally pushing the rest of the room's day. */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Session } from '../../shared/model.ts';
import type { ControlData } from '../data/control-data.ts';
import { WriteController } from '../controllers/write-controller.ts';
import { baseStyles } from './styles.ts';
import { formatClock } from '../../shared/time.ts';
import { parseInstant } from '../../shared/time-parse.ts';
import { consume } from '@lit/context';
import { controlDataContext } from '../data/data-context.ts';
import { wholeNumberInput } from './field-inputs.ts';
import { LocaleController } from '../controllers/locale-controller.ts';
import type { PanelMessages } from '../i18n/messages.ts';

/** "delayed to 13:10" / "brought forward to 12:50" / "moved back to 13:00", from the planned start. */
function describeTiming(session: Session, zone: string, t: PanelMessages): string {
  const start = parseInstant(session.start, zone);
  const planned = parseInstant(session.planned.start, zone);
  return t.delTiming(start > planned ? 'delayed' : start < planned ? 'forward' : 'back', formatClock(start, zone));
}

const QUICK_DELAYS = [5, 10, 15];

@customElement('delay-form')
export class DelayForm extends LitElement {
  static override styles = [
    baseStyles,
    css`
      #custom {
        width: 6rem;
      }
    `,
  ];

  @consume({ context: controlDataContext })
  @property({ attribute: false })
  data?: ControlData;
  @property({ attribute: false }) session?: Session;
  @state() private shiftFollowing = false;
  @state() private custom = '';
  @state() private saved = '';
  private readonly locale = new LocaleController(this);
  private readonly write = new WriteController(
    this,
    () => this.data,
    () => {
      // "Leave it as it is": from now on the staff member has seen the colleague's delay.
      if (this.session) this.basedOn = { id: this.session.id, version: this.session.version };
    },
  );
  /**
   * The version the staff member is looking at: taken when the form opens and moved on only by
   * their own delays, so a colleague's delay landing meanwhile makes theirs a 409 they are told
   * about ("Already delayed to 13:10 by Ana") instead of silently stacking to 10 minutes.
   */
  private basedOn: { id: string; version: number } | null = null;

  protected override willUpdate(): void {
    if (this.session && this.basedOn?.id !== this.session.id)
      this.basedOn = { id: this.session.id, version: this.session.version };
  }

  override render() {
    if (!this.session) return nothing;
    const t = this.locale.t;
    return html`<fieldset>
      <legend>${t.delLegend}</legend>
      <label class="check">
        <input
          type="checkbox"
          .checked=${this.shiftFollowing}
          @change=${(e: Event) => (this.shiftFollowing = (e.target as HTMLInputElement).checked)}
        />
        ${t.delShift}
      </label>
      <div class="row" style="margin-top:0.5rem">
        ${QUICK_DELAYS.map(
          (m) => html`<button ?disabled=${this.write.busy} @click=${() => this.delay(m)}>${t.delQuick(m)}</button>`,
        )}
      </div>
      <form class="row" style="margin-top:0.5rem" @submit=${this.submitCustom}>
        <div class="field" style="margin:0">
          <label for="custom">${t.delCustom}</label>
          ${wholeNumberInput({ id: 'custom', value: this.custom, min: 1, max: 1440, onInput: (text) => (this.custom = text) })}
        </div>
        <button type="submit" ?disabled=${this.write.busy}>${t.delApplyCustom}</button>
      </form>
      ${this.write.render()} ${this.saved ? html`<p class="ok" role="status">${this.saved}</p>` : nothing}
    </fieldset>`;
  }

  private submitCustom(event: SubmitEvent): void {
    event.preventDefault();
    const minutes = Number(this.custom);
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) {
      this.write.problem = {
        kind: 'error',
        message: this.locale.t.delCustomInvalid,
        field: 'minutes',
      };
      this.requestUpdate();
      return;
    }
    void this.delay(minutes);
  }

  private async delay(minutes: number): Promise<void> {
    const session = this.session;
    const data = this.data;
    if (!session || !data) return;
    this.saved = '';
    const shiftFollowing = this.shiftFollowing;
    let sentVersion = this.basedOn?.version ?? session.version;
    let shifted = shiftFollowing;
    const t = this.locale.t;
    await this.write.run({
      sessionId: session.id,
      version: sentVersion,
      description: t.delDo(minutes, shiftFollowing),
      forceLabel: t.delAnyway,
      offerShift: !shiftFollowing,
      relative: {
        explain: (current, by) => t.delAlready(describeTiming(current, data.store.timezone, t), by, minutes),
        againLabel: t.delMore(minutes),
      },
      send: (options) => {
        sentVersion = options.expectedVersion;
        if (options.shiftFollowing) shifted = true;
        return data.actions.delaySession(session.id, { minutes, shiftFollowing, ...options });
      },
      done: () => {
        // A delay raises the version by one: the next press builds on this one, not on a stale view.
        this.basedOn = { id: session.id, version: sentVersion + 1 };
        this.custom = '';
        this.saved = this.locale.t.delDone(minutes, shifted);
      },
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'delay-form': DelayForm;
  }
}
