/**
 * The ports of the browser the extension runs in, built once per page or worker. Import
 * `platform()` in entry points and components; services receive the ports they need.
 */
import { browser } from 'wxt/browser';
import { createPlatform, type BrowserShape } from './browser';
import type { Platform } from './ports';

export type * from './ports';

let built: Platform | undefined;

export function platform(): Platform {
  built ??= createPlatform(browser as unknown as BrowserShape);
  return built;
}
