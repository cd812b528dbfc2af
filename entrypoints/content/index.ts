import { SITE_MATCHES } from '@/lib/sites/hosts';
import { adapterFor } from '@/lib/sites';
import { startCapture } from './capture';
import { startChecker } from './checker';
import { startHealth } from './health';
import { startPublisher } from './publish';
import { loadShadowMode } from './shadow';
import { disposeForm } from './form';
import { disposeToast } from './toast';
import { loadPageCatalog } from './locale';
import { loadOwnPages } from './own';
import { startOwnPage } from './own-page';

/**
 * Runs on VK and OK pages: a capture button on every post and comment near the viewport, the
 * capture form in one shadow-root host, the reply checker in the site's reply boxes, publish
 * in place, and the adapter's health report. Never opens IndexedDB: everything goes through
 * the message channel.
 */
export default defineContentScript({
  matches: SITE_MATCHES,
  runAt: 'document_idle',
  // WXT tells an older instance of this script that a new one started by an event on the
  // document, and by default also by window.postMessage — which every script of the page
  // receives (it says the extension is there), and which makes Chromium record where it was
  // called from: it re-parsed all of content.js for that, 3–4 ms of every page load.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const adapter = adapterFor(location.href);
    if (!adapter) return;
    // The texts of the language in use come from storage (this script bundles no catalog).
    await Promise.all([loadShadowMode(), loadPageCatalog(ctx), loadOwnPages(ctx)]);
    if (!ctx.isValid) return;
    const capture = startCapture(ctx, adapter);
    startChecker(ctx, adapter);
    startPublisher(ctx, adapter, capture);
    // What is not tied to one feature goes when an update or reload cuts this instance off.
    ctx.onInvalidated(() => {
      disposeForm();
      disposeToast();
    });
    const recheck = startHealth(ctx, adapter, capture);
    const ownPage = startOwnPage(ctx, adapter);
    // VK and OK navigate without reloading the page.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      capture.rescan();
      recheck();
      ownPage();
    });
  },
});
