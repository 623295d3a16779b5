/**
 * A catalogue phrase as screens render it: its words as text, each piece of data in its own
 * <bdi>, so a Latin name or a time inside a right-to-left sentence keeps its direction.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Phrase } from '../../shared/i18n/phrase.ts';

export function isolated(value: Phrase): (string | TemplateResult)[] {
  return value.map((part) =>
    typeof part === 'string' ? part : html`<bdi lang=${part.language ?? nothing}>${part.data}</bdi>`,
  );
}
