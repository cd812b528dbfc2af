/**
 * Moderation of comments on a registered page (issue 19; Yakutia прил. 1 п. 2.5, Khabarovsk п.
 * 2.7, 3.6, Zhatay п. 4.2–4.3): the screener marks what the acts allow to remove, with the
 * ground and the clause; the moderator removes with the site's own control (never the
 * extension), and the removal is logged; at an author's second violation blocking is proposed,
 * which the head or a deputy decides. A false mark dismissed is not shown again.
 */
import type { AppDatabase } from '@/lib/db';
import { loadOwnPagesAct, pageAccount } from '@/lib/db/accounts';
import { loadModerationLog, logDismissal, logRemoval } from '@/lib/db/moderation';
import { authorKey, blockProposal, groundClause, groundForScreening, isDismissed, violationsByAuthor, type ActId } from '@/lib/accounts';
import { screenIncoming } from '@/lib/lint';
import type { Handlers } from '@/lib/messaging/router';
import { canonicalProfile } from '@/lib/sites/hosts';
import { clauseText } from './accounts';
import type { EnvSource } from './env';

type ModerationHandlers = Pick<Handlers, 'moderation.screen' | 'moderation.removed' | 'moderation.dismiss'>;

export function moderationHandlers({ db, env, newId }: { db: AppDatabase; env: EnvSource; newId: () => string }): ModerationHandlers {
  const registered = async (url: string) => {
    const e = await env();
    // The act chosen for the own pages: a Yakutia workspace may follow Zhatay's (п. 4.2–4.3).
    const act: ActId = await loadOwnPagesAct(db, e.workspace.region);
    const found = await pageAccount(db, act, canonicalProfile(url) ?? url, e.now, e.calendar.spec.zone);
    return { e, act, found };
  };
  return {
    'moderation.screen': async ({ url, comments }) => {
      const { act, found } = await registered(url);
      if (!found) return { marks: [] };
      const log = await loadModerationLog(db);
      const marks = [];
      for (const c of comments) {
        if (isDismissed(log, c.key) || log.some((e) => e.kind === 'removed' && e.commentKey === c.key)) continue;
        const g = groundForScreening(screenIncoming(c.text));
        if (!g) continue;
        // The Government's accounts and the bodies' may cite different clauses (Khabarovsk п. 2.7, 3.6).
        const clause = groundClause(act, g.ground, found.account.kind);
        marks.push({ key: c.key, ground: g.ground, tentative: g.tentative, ...(clause ? { clause: clauseText(clause) } : {}) });
      }
      return { marks };
    },
    'moderation.removed': async ({ url, key, text, author, ground }) => {
      const { e, found } = await registered(url);
      if (!found) return { violations: 0 };
      const r = await logRemoval(db, {
        id: newId(),
        at: e.now,
        by: e.workspace.user.id,
        commentKey: key,
        account: found.account.id,
        text: text.slice(0, 20_000),
        ground,
        author: authorKey(author),
        markedBy: 'screener',
      });
      const log = r.ok ? r.value : await loadModerationLog(db);
      const violations = violationsByAuthor(log).get(authorKey(author))?.removals.length ?? 0;
      const proposal = blockProposal(log, author);
      return { violations, ...(proposal ? { proposal: { clause: clauseText(proposal.clause) } } : {}) };
    },
    'moderation.dismiss': async ({ key }) => {
      const e = await env();
      const r = await logDismissal(db, { id: newId(), at: e.now, by: e.workspace.user.id, commentKey: key });
      return { ok: r.ok };
    },
  };
}
