/**
 * What the door's now panel and next-session panel share: the session they show, the screen's
 * clock, zone and words, the change labels, and titles fitted to their box after each render.
 * A base class, not an element of its own.
 */
import { LitElement, css } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Venue } from '../../shared/model.ts';
import type { ViewSession } from '../../shared/views/index.ts';
import { en } from '../../shared/i18n/en.ts';
import type { Messages } from '../../shared/i18n/messages.ts';
import { shownTitle, type TitleStyle } from '../../shared/title-case.ts';
import type { LocalizedText } from '../../shared/translations.ts';
import { changeLabels, type ChangeLabel } from '../logic/format.ts';
import { fitTitles } from '../logic/fit-text.ts';
import { messagesContext } from '../i18n/messages-context.ts';
import { ResizeWatch } from '../controllers/resize-watch.ts';
import { column, organizers, shared } from '../styles/theme.ts';

/**
 * The panels' common styles: a column that cuts what does not fit rather than overflow. Its
 * parts keep their size except the title's box, which gets the height the others leave (the
 * title is then fitted to it), so the times and the time bar below it always stay on screen.
 */
export const panelStyles = [
  shared,
  organizers,
  column,
  css`
    :host {
      overflow: hidden;
    }
    :host > .title-box {
      flex: 0 1 auto;
      min-height: 0;
      overflow: hidden;
    }
  `,
];

export abstract class SessionPanel extends LitElement {
  /** The screen's words, in its language. */
  @consume({ context: messagesContext, subscribe: true }) @state() protected m: Messages = en;
  @property({ attribute: false }) item: ViewSession | null | undefined = null;
  @property({ type: Number }) now = 0;
  @property() timezone = 'UTC';
  @property({ attribute: false }) venues: Venue[] = [];
  /** The panel's title setting, from the schedule (title case until staff choose otherwise). */
  @property() titleStyle: TitleStyle = 'title-case';

  /** The title is refitted when the panel's room changes without a render (screen turned, banner). */
  protected readonly resizeWatch = new ResizeWatch(this, () => fitTitles(this.renderRoot));

  override updated(): void {
    // The title's room is what the parts beside it leave; they can grow without a render here.
    this.resizeWatch.watchParts(this.renderRoot.children);
    fitTitles(this.renderRoot);
  }

  protected labelsOf(item: ViewSession): ChangeLabel[] {
    return changeLabels(item.change, item.start, this.venues, this.timezone, this.m);
  }

  /** The title in this screen's language where the session has one; `language` marks a translation. */
  protected titleOf(item: ViewSession): LocalizedText {
    return shownTitle(item.session, this.titleStyle, this.m.language);
  }
}
