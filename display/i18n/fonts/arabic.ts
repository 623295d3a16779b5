// Noto Sans Arabic, plus Latin for room codes and titles inside Arabic chrome.
import '@fontsource/noto-sans-arabic/arabic-400.css';
import '@fontsource/noto-sans-arabic/arabic-700.css';
import '@fontsource/noto-sans-arabic/arabic-800.css';
export { preloadFaces } from './latin.ts';
