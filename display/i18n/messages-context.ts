/**
 * The screen's catalogue, provided by signage-app and consumed by every component that prints a
 * word, so a language change from the panel re-renders them all at once.
 */
import { createContext } from '@lit/context';
import type { Messages } from '../../shared/i18n/messages.ts';

export const messagesContext = createContext<Messages>(Symbol('messages'));
