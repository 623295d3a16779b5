/**
 * `node --import ./test/support/without-vite.mjs …`: the process cannot resolve the `vite` package,
 * as after `npm ci --omit=dev`, so tests prove the server runs without its dev dependencies.
 */
import { register } from 'node:module';

register('./without-vite-hooks.mjs', import.meta.url);
