/**
 * Styles every panel component shares: form controls, buttons, focus ring, messages. Colours are
 * chosen for WCAG AA contrast (4.5:1 or better for text) on the white panel background.
 */
import { css } from 'lit';

export const baseStyles = css`
  :host {
    --ink: #1b1f24;
    --muted: #4a5360;
    --line: #c9ced6;
    --panel: #ffffff;
    --canvas: #f3f5f8;
    --accent: #0b57a4;
    --accent-ink: #ffffff;
    --danger: #a4161a;
    --warn-bg: #fff4d6;
    --warn-ink: #5c4100;
    --ok-bg: #e3f4e8;
    --ok-ink: #135e2c;
    --focus: #1a73e8;
    color: var(--ink);
    font-family:
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      sans-serif;
    font-size: 15px;
    line-height: 1.4;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 3px solid var(--focus);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: 6px;
    border: 1px solid var(--accent);
    background: var(--panel);
    color: var(--accent);
    padding: 0.35rem 0.8rem;
    min-height: 2.1rem;
  }
  button:hover {
    background: #e8f0fa;
  }
  button.primary {
    background: var(--accent);
    color: var(--accent-ink);
  }
  button.primary:hover {
    background: #084684;
  }
  button.danger {
    border-color: var(--danger);
    color: var(--danger);
  }
  button.danger.primary {
    background: var(--danger);
    color: #fff;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  label {
    font-weight: 600;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: var(--ink);
    background: var(--panel);
    border: 1px solid #7a8391;
    border-radius: 4px;
    padding: 0.3rem 0.45rem;
  }
  textarea {
    width: 100%;
    min-height: 4rem;
  }
  fieldset {
    border: 1px solid var(--line);
    border-radius: 6px;
    margin: 0 0 0.8rem;
    padding: 0.6rem 0.8rem 0.8rem;
  }
  legend {
    font-weight: 700;
    padding: 0 0.3rem;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
    margin-bottom: 0.6rem;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    font-weight: 400;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: end;
  }
  .hint {
    color: var(--muted);
    font-size: 0.9em;
    margin: 0.2rem 0;
  }
  .field-error {
    color: var(--danger);
    font-size: 0.9em;
    font-weight: 600;
    margin: 0;
    max-width: 18rem;
  }
  .error,
  .notice {
    border: 1px solid;
    border-radius: 6px;
    padding: 0.5rem 0.7rem;
    margin: 0.5rem 0;
  }
  .error {
    color: var(--danger);
    background: #fdecec;
    border-color: var(--danger);
  }
  .notice {
    color: var(--warn-ink);
    background: var(--warn-bg);
    border-color: #c99a00;
  }
  .ok {
    color: var(--ok-ink);
    background: var(--ok-bg);
    border-radius: 6px;
    padding: 0.4rem 0.7rem;
    margin: 0.5rem 0;
  }
  .badge {
    display: inline-block;
    font-size: 0.8em;
    font-weight: 700;
    border-radius: 4px;
    padding: 0 0.35rem;
    background: var(--warn-bg);
    color: var(--warn-ink);
  }
  .badge.cancelled {
    background: #eceef1;
    color: #3d4550;
  }
  .badge.urgent {
    background: var(--danger);
    color: #fff;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  h2,
  h3 {
    margin: 0 0 0.6rem;
  }
`;

/** Lists shown as tables (accounts, import previews, screens): full width, one line a row. */
export const dataTable = css`
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.3rem 0.5rem;
    border-bottom: 1px solid var(--line);
  }
`;

/** Form fields side by side while there is room, stacked on a narrow screen. */
export const formColumns = css`
  .cols {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: 0 0.8rem;
  }
`;

/** The framed panels the sections are made of (journal, announcements, screens, preview). */
export const sectionCard = css`
  section {
    background: var(--panel);
    border: 1px solid var(--line);
    border-radius: 8px;
    padding: 0.8rem 1rem;
  }
`;
