/**
 * The screens' palette and type scale. Every text/background pair here has a contrast of at
 * least 7:1 (WCAG AAA); sizes are in viewport units so a 720p panel and a 4K panel show the same
 * layout, and no text goes below 3.2% of the viewport height (legible from several metres).
 * Custom properties inherit through shadow roots, so the app's host sets them once for all.
 */
import { css } from 'lit';

export const theme = css`
  :host {
    --bg: #0a0c10;
    --surface: #161b22;
    --fg: #f4f6f8;
    --muted: #c9d1d9;
    --accent: #8ab4f8;
    --free: #3fd07f;
    --soon: #f5b82e;
    --busy: #ff7b72;
    --on-band: #000000;
    --moved: #f5b82e;
    --cancelled: #ff9c94;
    --running: #7ee2a8;
    --highlight: #1d3557;
    --info-bg: #1c2a3a;
    --urgent-bg: #f5b82e;
    --emergency-bg: #8b0000;

    --text-min: 3.2vh;
    --text-body: 3.8vh;
    --text-lead: 4.4vh;
    --text-title: clamp(4.6vh, 6vmin, 7vh);
    --text-huge: clamp(6vh, 9vmin, 11vh);
    --gap: 2vh;
    --pad: 2.5vmin;
    --radius: 1vmin;

    /* --script-font: the Noto faces of the screen's language (display/i18n/fonts.ts). */
    font-family: var(--script-font, system-ui, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif);
    line-height: var(--script-line-height, normal);
    color: var(--fg);
    background: var(--bg);
  }
  /* Portrait panels are narrow: sizes sit nearer the legibility floor so lines hold words. */
  @media (orientation: portrait) {
    :host {
      --text-min: 3.1vh;
      --text-body: 3.3vh;
      --text-lead: 3.6vh;
      --text-title: 4.2vh;
      --text-huge: 5.6vh;
    }
  }
`;

/** Helpers several components share. */
export const shared = css`
  .clamp-1,
  .clamp-2,
  .clamp-3,
  .clamp-4 {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    overflow: hidden;
    overflow-wrap: anywhere;
  }
  .clamp-1 {
    -webkit-line-clamp: 1;
  }
  .clamp-2 {
    -webkit-line-clamp: 2;
  }
  .clamp-3 {
    -webkit-line-clamp: 3;
  }
  .clamp-4 {
    -webkit-line-clamp: 4;
  }
  .label {
    font-size: var(--text-min);
    font-weight: 700;
    letter-spacing: 0.08em;
    text-transform: uppercase;
    color: var(--muted);
  }
  .time {
    font-variant-numeric: tabular-nums;
  }
  /* A time or range ("13:00–13:50") reads left to right in Arabic chrome too, and never reorders. */
  .time:not(td) {
    direction: ltr;
    unicode-bidi: isolate;
  }
  /* Lists that show only the whole items that fit: the rest wraps into a hidden next column. */
  .fit-list {
    display: flex;
    flex-flow: column wrap;
    align-content: flex-start;
    overflow: hidden;
    min-height: 0;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .fit-list > * {
    width: 100%;
    box-sizing: border-box;
  }
  /* A flex line always takes its first item, even one too tall for it: this empty first item
     lets a real first row that does not fit move to the hidden column too. */
  .fit-list > .spacer {
    height: 0;
    padding: 0;
    margin: 0;
    border: 0;
  }
`;

/** "Organized by <lead>, with <partners>" as the now and next panels show it. */
export const organizers = css`
  .lead {
    margin: 0;
    font-size: var(--text-body);
  }
  .by {
    font-size: var(--text-min);
    font-weight: 400;
    color: var(--muted);
  }
  .partners {
    margin: 0;
    font-size: var(--text-min);
    color: var(--muted);
  }
`;

/** A panel that stacks its parts top to bottom and may shrink below its content (flex child). */
export const column = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
  }
`;

/** A screen's header: the title at the start, the clock at the end. */
export const screenHeader = css`
  header {
    display: flex;
    justify-content: space-between;
    gap: 3vmin;
  }
`;

/** A short line in the strip at the foot of the screen (offline since, simulated time). */
export const stripNote = css`
  :host {
    display: contents;
  }
  p {
    margin: 0;
    font-size: var(--text-min);
    font-weight: 700;
  }
`;
