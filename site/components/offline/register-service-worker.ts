import { Workbox } from 'workbox-window';

/**
 * Registers the service worker that `npm run build` writes (dist/sw.js), which precaches the site
 * for offline use. When a new build's worker is installed and waiting, shows `prompt`; its Reload
 * button lets the new worker take over and reloads the page, so a reader is never left on stale
 * pages for good, nor reloaded in the middle of something without asking.
 */
export function registerServiceWorker(base: string, prompt: HTMLElement): void {
  if (!('serviceWorker' in navigator)) return;
  const workbox = new Workbox(`${base}/sw.js`, { scope: `${base}/` });
  workbox.addEventListener('waiting', () => {
    prompt.hidden = false;
  });
  prompt.querySelector('[data-update-reload]')?.addEventListener('click', () => {
    workbox.addEventListener('controlling', () => window.location.reload());
    workbox.messageSkipWaiting();
  });
  prompt.querySelector('[data-update-later]')?.addEventListener('click', () => {
    prompt.hidden = true;
  });
  // Offline use is an extra: where the browser refuses a worker (some private modes, a policy, a
  // test that blocks them) the site works online as before.
  workbox.register().catch(() => undefined);
}
