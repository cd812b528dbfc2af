import { SITE_MATCHES } from '@/lib/sites/hosts';
import { adapterFor } from '@/lib/sites';
import { startCapture } from './capture';

/**
 * Runs on VK and OK pages: a capture button on every post, the capture form in one
 * shadow-root host. Never opens IndexedDB: everything goes through the message channel.
 */
export default defineContentScript({
  matches: SITE_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const adapter = adapterFor(location.href);
    if (!adapter) return;
    startCapture(ctx, adapter);
  },
});
