/**
 * After an update or reload, the VK and OK tabs already open get the new content script at
 * once where the browser does not do it itself (Chrome): the old instance, cut off from the
 * extension, takes everything it added away when the new one starts (WXT's context tells it).
 */
import type { ContentScriptsPort, TabsPort } from '@/lib/platform/ports';
import { SITE_MATCHES } from '@/lib/sites/hosts';
import type { Effects } from './effects';

export async function reinjectContentScripts(deps: { tabs: TabsPort; scripts: ContentScriptsPort; files: string[]; effects: Effects }): Promise<number> {
  const { tabs, scripts, files, effects } = deps;
  if (!scripts.available || !files.length) return 0;
  let injected = 0;
  for (const tab of await tabs.query(SITE_MATCHES)) {
    if (tab.id === undefined) continue;
    const id = tab.id;
    // A tab that is still loading or shows an error page refuses: it gets the script when it loads.
    if (await effects.run('reinject', () => scripts.inject(id, files))) injected++;
  }
  return injected;
}
