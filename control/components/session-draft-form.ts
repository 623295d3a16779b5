/**
 * What the forms that edit one session share: the panel's data by context, the session as a
 * property, a draft that follows live changes until the staff member starts typing (after that
 * their draft stays, and the version it started from is sent), and the one write path.
 */
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Session } from '../../shared/model.ts';
import type { ControlData } from '../data/control-data.ts';
import { controlDataContext } from '../data/data-context.ts';
import { WriteController } from '../controllers/write-controller.ts';

export abstract class SessionDraftForm extends LitElement {
  @consume({ context: controlDataContext })
  @property({ attribute: false })
  data?: ControlData;
  @property({ attribute: false }) session?: Session;
  @state() protected saved = '';
  /** The session as the draft started from: its version is sent, so a newer one means a conflict. */
  protected base: Session | null = null;
  protected dirty = false;
  protected readonly write = new WriteController(
    this,
    () => this.data,
    () => this.startDraft(),
  );

  /** Typed edits not saved yet: the dialog asks before throwing them away. */
  get hasUnsavedEdits(): boolean {
    return this.dirty;
  }

  protected override willUpdate(): void {
    if (this.session && !this.dirty && this.session.version !== this.base?.version) this.startDraft();
  }

  /** Starts the draft again from the session as it is now. */
  protected startDraft(): void {
    const session = this.session;
    if (!session || !this.data) return;
    this.fillDraft(session);
    this.base = session;
    this.dirty = false;
  }

  /** Puts the session's values into the form's fields. */
  protected abstract fillDraft(session: Session): void;

  /** Marks the draft as the staff member's own. */
  protected edited(): void {
    this.dirty = true;
    this.saved = '';
  }
}
