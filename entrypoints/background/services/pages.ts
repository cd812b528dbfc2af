/**
 * What the content script reports about a page: posts edited or deleted since capture, the
 * markup health check, and the reply checker's requests (rate-limited per tab).
 */
import type { AppDatabase } from '@/lib/db';
import { recordPageObservations } from '@/lib/db/messages';
import { checkDraft, screenIncoming, type Finding } from '@/lib/lint';
import { reason, t, type TextKey } from '@/lib/i18n';
import type { Workspace } from '@/lib/workflow/workspace';
import { RateLimitedError } from '@/lib/messaging/channel';
import { CHECKER_RATE, createRateLimiter } from '@/lib/messaging/rate-limit';
import type { Handlers } from '@/lib/messaging/router';
import type { SessionStorePort } from '@/lib/platform/ports';
import { CHECKER_SITES_KEY, siteOfHost } from '@/lib/sites/hosts';
import type { KeyValuePort } from './effects';
import type { EnvSource } from './env';

/**
 * A screener finding as the page says it: the ground of the region's clause (Yakutia п. 18,
 * Khabarovsk п. 4, Saratov п. 16, Ivanovo п. 18) and why, in the language in use.
 */
export function groundText(f: Finding, region: Workspace['region']): string {
  const g = f.ground;
  if (!g) return f.message;
  return t(`lint.ground.${g.code}` as TextKey, {
    clauses: t('lint.ground.clause', { n: g.clauses[region] }),
    why: reason(`lint.why.${g.why}` as TextKey, { word: g.word }),
  });
}

export const healthKey = (tabId: number) => `health:${tabId}`;

export interface PageDeps {
  db: AppDatabase;
  env: EnvSource;
  session: SessionStorePort;
  local: KeyValuePort;
  now: () => number;
}

export function pageService({ db, env, session, local, now }: PageDeps) {
  // In memory on purpose: a worker restart only hands every tab a fresh burst.
  const checkerLimit = createRateLimiter(CHECKER_RATE);
  const handlers: Pick<Handlers, 'page.observed' | 'page.health' | 'lint.check'> = {
    'page.observed': async ({ seen, missing }) => {
      const texts = new Map<string, string | null>(seen.map((s) => [s.key, s.text]));
      for (const key of missing) texts.set(key, null);
      return { changed: await recordPageObservations(db, texts, now()) };
    },
    'page.health': async ({ reused, ...report }, sender) => {
      const entry = { ...report, at: now() };
      if (sender.tabId !== undefined) await session.set({ [healthKey(sender.tabId)]: entry });
      // A reused report is the site's last one said again: it does not make that one younger.
      if (!reused) await local.set({ [`health.last.${report.site}`]: entry });
      return { stored: true };
    },
    'lint.check': async ({ text, answering }, sender) => {
      // A page can fire input at the reply box: each tab gets a person's typing rate at most.
      if (sender.kind === 'site' && sender.tabId !== undefined && !checkerLimit.take(String(sender.tabId), now())) throw new RateLimitedError();
      const site = sender.url ? (siteOfHost(new URL(sender.url).hostname) ?? 'vk') : 'vk';
      const stored = (await local.get(CHECKER_SITES_KEY)) as Partial<Record<'vk' | 'ok', boolean>> | undefined;
      if (sender.kind === 'site' && stored?.[site] === false) return { enabled: false, findings: [], score: 0, incoming: [] };
      const { workspace } = await env();
      const report = checkDraft(text, { disabledRules: workspace.disabledLintRules });
      const incoming = answering ? screenIncoming(answering).findings.map((f) => ({ ...f, message: groundText(f, workspace.region) })) : [];
      return { enabled: true, findings: report.findings, score: report.score, incoming };
    },
  };
  return {
    handlers,
    /** A closed tab's rate-limit bucket goes with it. */
    tabClosed: (tabId: number) => checkerLimit.forget(String(tabId)),
  };
}
