/**
 * The built browser pages (dist/, made by Vite): HTML and the service worker are revalidated on
 * every load so a deploy reaches screens at once; hashed assets are cached for good.
 */
import { join } from 'node:path';
import express, { Router, type Response } from 'express';

const PAGES: Array<[paths: string[], file: string]> = [
  [['/'], 'index.html'],
  [['/display', '/display/lobby', '/display/room/:venueId'], 'display/index.html'],
  [['/control'], 'control/index.html'],
];

function setCacheHeaders(res: Response, path: string): void {
  const hashed = /[\\/]assets[\\/]/.test(path);
  res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
}

export function staticRouter(staticDir: string): Router {
  const router = Router();
  for (const [paths, file] of PAGES) {
    router.get(paths, (_req, res) => {
      res.sendFile(join(staticDir, file), { headers: { 'Cache-Control': 'no-cache' } }, (error) => {
        if (error && !res.headersSent)
          res.status(503).type('text/plain').send('The pages are not built yet: run npm run build.');
      });
    });
  }
  router.use(express.static(staticDir, { index: false, redirect: false, setHeaders: setCacheHeaders }));
  return router;
}
