/** Bundled by test/bench/chromium-adapters.mjs into a generated page (not part of the extension). */
import { okAdapter, vkAdapter } from '@/lib/sites';

(window as unknown as Record<string, unknown>).__adapters = { vkAdapter, okAdapter };
