/**
 * Title and its translations, organisers and online details (meeting ID, passcode, link, and
 * whether screens show the passcode).
 */
import { css, html, nothing } from 'lit';
import { SessionDraftForm } from './session-draft-form.ts';
import { customElement, state } from 'lit/decorators.js';
import { sameJson } from '../../shared/json.ts';
import type { OnlineDetails, Session } from '../../shared/model.ts';
import { baseStyles, formColumns } from './styles.ts';
import { LocaleController } from '../controllers/locale-controller.ts';
import type { PanelMessages } from '../i18n/messages.ts';
import {
  sessionTranslationDraft,
  sessionTranslations,
  translationProblems,
  type TranslationDraft,
  type TranslationProblems,
} from '../data/translation-draft.ts';
import type { TranslationsChangeEvent } from './translation-fields.ts';
import './translation-fields.ts';

interface Draft {
  title: string;
  lead: string;
  partners: string;
  meetingId: string;
  passcode: string;
  url: string;
  showPasscode: boolean;
  translations: TranslationDraft;
}

function draftOf(session: Session): Draft {
  return {
    title: session.title,
    lead: session.organizers.lead,
    partners: session.organizers.partners.join('\n'),
    meetingId: session.online?.meetingId ?? '',
    passcode: session.online?.passcode ?? '',
    url: session.online?.url ?? '',
    showPasscode: session.online?.showPasscode ?? false,
    translations: sessionTranslationDraft(session.translations),
  };
}

/** The online block as the server wants it: null when every field is empty. */
function onlineOf(draft: Draft): OnlineDetails | null {
  const online: OnlineDetails = {};
  if (draft.meetingId.trim()) online.meetingId = draft.meetingId.trim();
  if (draft.passcode.trim()) online.passcode = draft.passcode.trim();
  if (draft.url.trim()) online.url = draft.url.trim();
  if (Object.keys(online).length === 0) return null;
  if (draft.showPasscode) online.showPasscode = true;
  return online;
}

@customElement('details-form')
export class DetailsForm extends SessionDraftForm {
  static override styles = [
    baseStyles,
    formColumns,
    css`
      input:not([type='checkbox']),
      textarea {
        width: 100%;
      }
    `,
  ];

  @state() private draft: Draft | null = null;
  @state() private translationProblems: TranslationProblems = {};
  private readonly locale = new LocaleController(this);

  override render() {
    const d = this.draft;
    if (!d || !this.session) return nothing;
    const t = this.locale.t;
    return html`<form @submit=${this.submit}>
      <fieldset>
        <legend>${t.detLegend}</legend>
        <div class="field">
          <label for="title">${t.detTitle}</label>
          <input id="title" required .value=${d.title} @input=${this.edit('title')} />
        </div>
        <translation-fields
          field="title"
          .draft=${d.translations}
          .problems=${this.translationProblems}
          @translations-change=${this.editTranslations}
        ></translation-fields>
        <div class="field">
          <label for="lead">${t.detLead}</label>
          <input id="lead" .value=${d.lead} @input=${this.edit('lead')} />
        </div>
        <div class="field">
          <label for="partners">${t.detPartners}</label>
          <textarea id="partners" .value=${d.partners} @input=${this.edit('partners')}></textarea>
        </div>
        <div class="cols">
          <div class="field">
            <label for="meeting">${t.detMeetingId}</label>
            <input id="meeting" .value=${d.meetingId} @input=${this.edit('meetingId')} />
          </div>
          <div class="field">
            <label for="passcode">${t.detPasscode}</label>
            <input id="passcode" .value=${d.passcode} @input=${this.edit('passcode')} />
          </div>
        </div>
        <div class="field">
          <label for="url">${t.detUrl}</label>
          <input id="url" type="url" .value=${d.url} @input=${this.edit('url')} />
        </div>
        <label class="check">
          <input type="checkbox" .checked=${d.showPasscode} @change=${this.edit('showPasscode')} />
          ${t.detShowPasscode}
        </label>
        <p class="hint">${t.detPasscodeHint}</p>
        ${this.write.render()} ${this.saved ? html`<p class="ok" role="status">${this.saved}</p>` : nothing}
        <button class="primary" type="submit" ?disabled=${this.write.busy}>${t.detSave}</button>
      </fieldset>
    </form>`;
  }

  private edit(key: keyof Draft) {
    return (event: Event) => {
      const input = event.target as HTMLInputElement;
      this.draft = { ...this.draft!, [key]: input.type === 'checkbox' ? input.checked : input.value };
      this.edited();
    };
  }

  private readonly editTranslations = (event: TranslationsChangeEvent) => {
    this.draft = { ...this.draft!, translations: event.detail };
    this.translationProblems = {};
    this.edited();
  };

  protected fillDraft(session: Session): void {
    this.draft = draftOf(session);
    this.translationProblems = {};
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const session = this.base;
    const data = this.data;
    const draft = this.draft;
    if (!session || !data || !draft) return;
    const t = this.locale.t;
    if (!draft.title.trim()) {
      this.write.problem = { kind: 'error', message: t.detTitleEmpty, field: 'title' };
      this.requestUpdate();
      return;
    }
    this.translationProblems = translationProblems(draft.translations, 'title', t.trEmpty);
    if (Object.keys(this.translationProblems).length > 0) {
      await this.updateComplete;
      this.renderRoot
        .querySelector('translation-fields')
        ?.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')
        ?.focus();
      return;
    }
    const wanted = {
      title: draft.title.trim(),
      organizers: {
        lead: draft.lead.trim(),
        partners: draft.partners
          .split('\n')
          .map((p) => p.trim())
          .filter(Boolean),
      },
      online: onlineOf(draft),
      translations: sessionTranslations(draft.translations),
    };
    // Only what differs from the version edited, so an untouched field never overwrites anyone.
    const patch: Partial<typeof wanted> = {};
    if (wanted.title !== session.title) patch.title = wanted.title;
    if (!sameJson(wanted.organizers, session.organizers)) patch.organizers = wanted.organizers;
    if (!sameJson(wanted.online, onlineOf(draftOf(session)))) patch.online = wanted.online;
    if (!sameJson(wanted.translations, session.translations ?? {})) patch.translations = wanted.translations;
    if (Object.keys(patch).length === 0) {
      this.saved = this.locale.t.detNothing;
      return;
    }
    await this.write.run({
      sessionId: session.id,
      version: session.version,
      description: describe(patch, t),
      send: (options) => data.actions.patchSession(session.id, { ...patch, ...options }),
      done: () => {
        this.dirty = false;
        this.saved = this.locale.t.detSaved;
      },
    });
  }
}

function describe(
  patch: { title?: string; organizers?: { lead: string }; online?: OnlineDetails | null; translations?: object },
  t: PanelMessages,
): string {
  const parts: string[] = [];
  if (patch.title !== undefined) parts.push(t.detChangeTitle(patch.title));
  if (patch.organizers) parts.push(t.detChangeOrganisers(patch.organizers.lead || '—'));
  if (patch.online !== undefined) parts.push(patch.online ? t.detChangeOnline : t.detChangeOnlineRemoved);
  if (patch.translations !== undefined) parts.push(t.detChangeTranslations);
  return parts.join(', ');
}

declare global {
  interface HTMLElementTagNameMap {
    'details-form': DetailsForm;
  }
}
