/**
 * "Organized by X" and "with Y, Z" under a session's title: the same lines on the now panel and
 * the next-session panel. Names are data, so each is isolated for right-to-left screens.
 */
import { html, nothing } from 'lit';
import type { Organizers } from '../../shared/model.ts';
import type { Messages } from '../../shared/i18n/messages.ts';
import { partnersLine } from '../logic/format.ts';
import { isolated } from '../i18n/isolated.ts';

export function organizerLines(organizers: Organizers, m: Messages) {
  const partners = partnersLine(organizers, m);
  return html`
    ${
      organizers.lead
        ? html`<p class="lead clamp-2">
            <span class="by">${m.organizedBy}</span> <bdi dir="auto">${organizers.lead}</bdi>
          </p>`
        : nothing
    }
    ${partners ? html`<p class="partners clamp-2">${isolated(partners)}</p>` : nothing}
  `;
}
