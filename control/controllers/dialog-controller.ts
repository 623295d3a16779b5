/**
 * A modal dialog on the native <dialog>, rendered by its owner component in its own shadow root
 * (so the dialog's fields are its real descendants for labels and assistive technology). The
 * browser makes the rest of the page inert; Escape asks to close; focus returns to whatever had it
 * before the dialog opened.
 */
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { panelLocale } from '../i18n/panel-locale.ts';

/** The focused element, looking inside shadow roots (document.activeElement stops at the host). */
export function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

export interface DialogOptions {
  open: boolean;
  /** A string, or a template that isolates data in it (a session's title in <bdi>). */
  heading: string | TemplateResult;
  /** False for a dialog that must be completed (the re-login): no Close button, Escape ignored. */
  dismissible?: boolean;
  onClose: () => void;
  body: () => unknown;
  /** True while the dialog holds typed edits: Close and Escape then ask before throwing them away. */
  hasUnsavedEdits?: () => boolean;
}

export class DialogController implements ReactiveController {
  private returnFocusTo: HTMLElement | null = null;
  private options: DialogOptions | null = null;
  private confirmingDiscard = false;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  render(options: DialogOptions) {
    this.options = options;
    const dismissible = options.dismissible ?? true;
    // The owner follows the panel's language (LocaleController), so its re-render brings ours.
    const t = panelLocale.messages;
    return html`<dialog
      class="modal"
      aria-labelledby="dialog-heading"
      @cancel=${this.onCancel}
      @close=${this.onNativeClose}
    >
      ${
        options.open
          ? html`<header>
                <h2 id="dialog-heading">${options.heading}</h2>
                ${dismissible ? html`<button class="close" @click=${this.requestClose}>${t.dlgClose}</button>` : nothing}
              </header>
              ${
                this.confirmingDiscard
                  ? html`<div class="notice discard" role="alertdialog" aria-labelledby="discard-question">
                      <p id="discard-question">
                        <strong>${t.dlgDiscardQuestion}</strong>
                      </p>
                      <div class="row">
                        <button class="primary" @click=${this.keepEditing}>${t.dlgKeepEditing}</button>
                        <button @click=${this.discardAndClose}>${t.dlgDiscard}</button>
                      </div>
                    </div>`
                  : nothing
              }
              <div class="dialog-body">${options.body()}</div>`
          : nothing
      }
    </dialog>`;
  }

  hostUpdated(): void {
    const dialog = this.dialog();
    if (!dialog || !this.options) return;
    if (this.options.open && !dialog.open) {
      this.returnFocusTo = deepActiveElement();
      dialog.showModal();
    } else if (!this.options.open && dialog.open) {
      this.confirmingDiscard = false;
      dialog.close();
    }
  }

  hostDisconnected(): void {
    this.restoreFocus();
  }

  private dialog(): HTMLDialogElement | null {
    return this.host.shadowRoot?.querySelector('dialog.modal') ?? null;
  }

  private readonly onCancel = (event: Event) => {
    // Escape: the owner closes us, so its state and the dialog never disagree.
    event.preventDefault();
    if (this.options?.dismissible ?? true) this.requestClose();
  };

  /** Close, unless typed edits would be lost: then ask first (focus on the safe answer). */
  private readonly requestClose = () => {
    if (this.options?.hasUnsavedEdits?.() && !this.confirmingDiscard) {
      this.confirmingDiscard = true;
      this.host.requestUpdate();
      void this.host.updateComplete.then(() =>
        this.host.shadowRoot?.querySelector<HTMLElement>('.discard button.primary')?.focus(),
      );
      return;
    }
    if (this.confirmingDiscard) return;
    this.options?.onClose();
  };

  private readonly keepEditing = () => {
    this.confirmingDiscard = false;
    this.host.requestUpdate();
  };

  private readonly discardAndClose = () => {
    this.confirmingDiscard = false;
    this.options?.onClose();
  };

  private readonly onNativeClose = () => {
    this.restoreFocus();
    if (!this.options?.open) return;
    // Closed by the browser while its owner still wants it open: the owner decides.
    if (this.options.dismissible ?? true) this.options.onClose();
    else this.dialog()?.showModal();
  };

  private restoreFocus(): void {
    const target = this.returnFocusTo;
    this.returnFocusTo = null;
    if (target?.isConnected) target.focus();
  }
}

export const dialogStyles = css`
  dialog.modal {
    border: none;
    border-radius: 10px;
    padding: 0;
    width: min(44rem, 96vw);
    max-height: 92vh;
    box-shadow: 0 10px 40px rgb(0 0 0 / 35%);
    color: var(--ink);
  }
  dialog.modal::backdrop {
    background: rgb(20 25 35 / 55%);
  }
  dialog.modal > header {
    position: sticky;
    top: 0;
    z-index: 1;
    display: flex;
    gap: 1rem;
    align-items: start;
    justify-content: space-between;
    background: var(--panel);
    border-bottom: 1px solid var(--line);
    padding: 0.8rem 1rem;
  }
  .discard {
    margin: 0.6rem 1rem 0;
  }
  dialog.modal h2 {
    margin: 0;
    font-size: 1.15rem;
  }
  .dialog-body {
    padding: 0.8rem 1rem 1rem;
  }
`;
