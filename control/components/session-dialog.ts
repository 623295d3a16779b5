/**
 * Everything staff can do to one session, in a dialog that follows the live schedule: when another
 * staff member changes the session, the summary updates at once (and forms not being edited follow).
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { ControlData } from '../data/control-data.ts';
import { StoreController } from '../controllers/store-controller.ts';
import { formatClock } from '../../shared/time.ts';
import { parseInstant } from '../../shared/time-parse.ts';
import { slotLabel, venueName } from '../data/schedule-queries.ts';
import { changeBadges } from './session-chip.ts';
import { baseStyles } from './styles.ts';
import { DialogController, dialogStyles } from '../controllers/dialog-controller.ts';
import './place-time-form.ts';
import './delay-form.ts';
import './details-form.ts';
import './status-actions.ts';
import './agenda-picker.ts';
import { consume } from '@lit/context';
import { controlDataContext } from '../data/data-context.ts';
import { LocaleController } from '../controllers/locale-controller.ts';
import { panelDay } from '../i18n/format.ts';
import { translatedInto } from '../data/translation-draft.ts';
import { journalSentence } from '../data/journal-sentence.ts';

@customElement('session-dialog')
export class SessionDialog extends LitElement {
  static override styles = [
    baseStyles,
    dialogStyles,
    css`
      .summary {
        margin: 0 0 0.8rem;
      }
      .summary p {
        margin: 0.15rem 0;
      }
      .last {
        color: var(--muted);
        font-size: 0.9em;
      }
    `,
  ];

  @consume({ context: controlDataContext })
  @property({ attribute: false })
  data?: ControlData;
  /** The session shown; null when the dialog is closed. */
  @property({ attribute: false }) sessionId: string | null = null;
  private readonly storeController = new StoreController(this, () => this.data);
  private readonly dialog = new DialogController(this);
  private readonly locale = new LocaleController(this);

  override render() {
    const store = this.data?.store;
    const schedule = store?.schedule;
    const id = this.sessionId;
    const session = id ? store?.session(id) : undefined;
    const t = this.locale.t;
    return this.dialog.render({
      open: id !== null,
      heading: session ? html`<bdi>${session.title}</bdi>` : t.sesHeading,
      onClose: this.close,
      hasUnsavedEdits: () =>
        [...this.renderRoot.querySelectorAll('place-time-form, details-form')].some(
          (form) => (form as { hasUnsavedEdits?: boolean }).hasUnsavedEdits === true,
        ),
      body: () =>
        id === null || !schedule
          ? nothing
          : !session
            ? html`<p role="status">${t.sesGone}</p>`
            : keyed(
                id,
                html`<div class="summary">
                    <p>
                      <strong
                        >${panelDay(parseInstant(session.start, schedule.timezone), schedule.timezone, this.locale.language)}
                        <bdi>${slotLabel(session, schedule.timezone)}</bdi></strong
                      >
                      · <bdi>${venueName(schedule, session.venueId)}</bdi> ${changeBadges(schedule, session, t)}
                    </p>
                    ${session.organizers.lead ? html`<p>${t.sesOrganisedBy(session.organizers.lead)}</p>` : nothing}
                    ${
                      session.translations
                        ? html`<p>${t.trTranslatedInto(translatedInto(session.translations))}</p>`
                        : nothing
                    }
                    ${this.lastChange(session.id)}
                  </div>
                  <place-time-form .session=${session}></place-time-form>
                  <delay-form .session=${session}></delay-form>
                  <status-actions .session=${session} .onDeleted=${this.close}></status-actions>
                  ${
                    session.agendaItems?.length
                      ? html`<fieldset>
                          <legend>${t.sesAgenda}</legend>
                          <agenda-picker .session=${session}></agenda-picker>
                        </fieldset>`
                      : nothing
                  }
                  <details-form .session=${session}></details-form>`,
              ),
    });
  }

  /** "Last change 13:02 by Ana: Moved …" — so staff see who touched it, live. */
  private lastChange(sessionId: string) {
    const store = this.data!.store;
    const entry = [...store.journal].reverse().find((e) => e.sessionId === sessionId);
    if (!entry) return nothing;
    const at = formatClock(parseInstant(entry.at, store.timezone), store.timezone);
    const { t, language } = this.locale;
    const summary = journalSentence(entry, { t, language, zone: store.timezone });
    return html`<p class="last" role="status">
      ${t.sesLastChange(at, entry.actor)} <bdi lang=${summary.language}>${summary.text}</bdi>
    </p>`;
  }

  private readonly close = () => {
    this.dispatchEvent(new CustomEvent('dialog-close'));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'session-dialog': SessionDialog;
  }
}
