/** Re-renders its host when the panel's language changes, and hands it the current messages. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { panelLocale } from '../i18n/panel-locale.ts';
import type { PanelMessages } from '../i18n/messages.ts';
import type { Language } from '../../shared/languages.ts';

export class LocaleController implements ReactiveController {
  private readonly onChange = () => this.host.requestUpdate();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get t(): PanelMessages {
    return panelLocale.messages;
  }

  get language(): Language {
    return panelLocale.language;
  }

  get direction(): 'rtl' | 'ltr' {
    return panelLocale.direction;
  }

  hostConnected(): void {
    panelLocale.addEventListener('change', this.onChange);
  }

  hostDisconnected(): void {
    panelLocale.removeEventListener('change', this.onChange);
  }
}
