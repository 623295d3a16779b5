/**
 * Entry of the display pages. Besides the app itself, two things a wall screen needs: the
 * service worker that keeps the app shell for restarts without network, and a screen wake lock
 * so the panel does not go to sleep.
 */
import './components/signage-app.ts';
import { keepScreenAwake } from './wake-lock.ts';
import { registerServiceWorker } from './service-worker.ts';

registerServiceWorker();
keepScreenAwake();
