/** Bundled by test/bench/chromium-adapters.mjs into a generated page (not part of the extension). */
import { okAdapter, vkAdapter } from '@/lib/sites';
import { readVkItems } from '@/lib/sites/vk';

(window as unknown as Record<string, unknown>).__adapters = { vkAdapter, okAdapter, readVkItems };
