// Noto Sans SC: its CSS splits the font into ~100 unicode-range slices, so a screen downloads only
// the slices of the characters it shows. Two weights keep the set small; Noto Sans draws the Latin
// (it comes first in the stack, so SC's own Latin slices are never fetched).
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
export { preloadFaces } from './latin.ts';
