// Noto Sans Arabic (three weights), each slice with its unicode-range: the Arabic slice, and its
// own Latin for room codes and titles inside Arabic chrome; Noto Sans for the scripts it lacks.
import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-arabic/700.css';
import '@fontsource/noto-sans-arabic/800.css';
export { preloadFaces } from './latin.ts';
