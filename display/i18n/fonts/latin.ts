// Noto Sans in the weights the screens use (400 text, 600/700/800 headings). The per-weight CSS
// declares every script slice of the family (Latin, Latin Extended, Cyrillic, Greek, Vietnamese)
// with its unicode-range, so a screen fetches only the slices its characters fall in: French
// Latin alone, Russian Cyrillic too, a Czech name its Latin Extended slice.
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/600.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/noto-sans/800.css';
export { preloadFaces } from './preload.ts';
