// Noto Sans for Russian: Cyrillic, plus Latin for room codes and titles.
import '@fontsource/noto-sans/cyrillic-400.css';
import '@fontsource/noto-sans/cyrillic-600.css';
import '@fontsource/noto-sans/cyrillic-700.css';
import '@fontsource/noto-sans/cyrillic-800.css';
export { preloadFaces } from './latin.ts';
