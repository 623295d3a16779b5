// Noto Sans SC: its CSS splits the font into ~100 unicode-range slices, so a screen downloads only
// the slices of the characters it shows. Two weights keep the set small; Latin for room codes.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
export { preloadFaces } from './latin.ts';
