/**
 * «Журнал модерации» (issue 19): the comments removed from the bodies' own pages, by author,
 * with the ground; an author with two or more violations gets the proposal to block (Zhatay п.
 * 4.3), which only the head or a deputy decides — recorded here with who recorded it and their
 * role — and a prepared notice to the user, to send under the platform's rules.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { getDb } from '@/lib/db';
import { loadModerationLog, logBlockDecision } from '@/lib/db/moderation';
import { blockProposal, violationsByAuthor, type ModerationEntry } from '@/lib/accounts';
import { say, t, type TextKey } from '@/lib/i18n';
import type { Workspace } from '@/lib/workflow/workspace';
import { formatDateTime } from '../format';

/** The notice to the author whose comments were removed (sent by the moderator under the platform's rules). */
export function blockNotice(violations: number): string {
  return t('moderation.ui.notice', { count: violations });
}

export function Moderation({ workspace, zone }: { workspace: Workspace; zone: string }) {
  const log = useLiveQuery(() => loadModerationLog(getDb()), []);
  if (!log?.length) return null;
  const authors = [...violationsByAuthor(log).values()].sort((a, b) => b.removals.length - a.removals.length);
  return (
    <section className="aot-section" aria-labelledby="moderation-title" data-testid="moderation-log">
      <h2 id="moderation-title">{t('moderation.ui.title')}</h2>
      <table className="aot-table aot-moderation">
        <caption className="aot-visually-hidden">{t('moderation.ui.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('moderation.ui.author')}</th>
            <th scope="col">{t('moderation.ui.removed')}</th>
            <th scope="col">{t('moderation.ui.decision')}</th>
          </tr>
        </thead>
        <tbody>
          {authors.map((a) => (
            <AuthorRow key={a.author} author={a.author} removals={a.removals} log={log} workspace={workspace} zone={zone} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function AuthorRow({
  author,
  removals,
  log,
  workspace,
  zone,
}: {
  author: string;
  removals: Array<Extract<ModerationEntry, { kind: 'removed' }>>;
  log: ModerationEntry[];
  workspace: Workspace;
  zone: string;
}) {
  const proposal = blockProposal(log, author);
  const decided = [...log].reverse().find((e): e is Extract<ModerationEntry, { kind: 'blockDecided' }> => e.kind === 'blockDecided' && e.author === author);
  return (
    <tr data-author={author}>
      <th scope="row">
        <a href={author.startsWith('https://') ? author : undefined} target="_blank" rel="noopener">
          {author}
        </a>
      </th>
      <td>
        <ul className="aot-plain-list">
          {removals.map((r) => (
            <li key={r.id}>
              {formatDateTime(r.at, zone)} — {t(`moderation.ground.${r.ground}` as TextKey)}: «{r.text.length > 120 ? `${r.text.slice(0, 120)}…` : r.text}»
            </li>
          ))}
        </ul>
      </td>
      <td>
        {proposal ? (
          <Decide author={author} violations={proposal.violations} workspace={workspace} />
        ) : decided ? (
          t(decided.decision === 'block' ? 'moderation.ui.decidedBlock' : 'moderation.ui.decidedNoBlock', {
            role: t(`moderation.ui.role.${decided.role}` as TextKey),
            at: formatDateTime(decided.at, zone),
          })
        ) : (
          t('moderation.ui.noProposal')
        )}
      </td>
    </tr>
  );
}

function Decide({ author, violations, workspace }: { author: string; violations: number; workspace: Workspace }) {
  const [role, setRole] = useState<'head' | 'deputy'>('head');
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const notice = blockNotice(violations);
  const decide = async (decision: 'block' | 'noBlock') => {
    const r = await logBlockDecision(getDb(), { id: crypto.randomUUID(), at: Date.now(), by: workspace.user.id, role, author, decision });
    setError(r.ok ? null : say(r.error as Parameters<typeof say>[0]));
  };
  return (
    <div className="aot-form" data-testid="block-proposal">
      <p>{t('moderation.ui.proposal', { count: violations })}</p>
      <label className="aot-field">
        <span>{t('moderation.ui.whoDecided')}</span>
        <select value={role} onChange={(e) => setRole(e.target.value as 'head' | 'deputy')}>
          <option value="head">{t('moderation.ui.role.head')}</option>
          <option value="deputy">{t('moderation.ui.role.deputy')}</option>
        </select>
      </label>
      <div className="aot-buttons">
        <button type="button" className="aot-button aot-button--primary" onClick={() => void decide('block')}>
          {t('moderation.ui.block')}
        </button>
        <button type="button" className="aot-button" onClick={() => void decide('noBlock')}>
          {t('moderation.ui.noBlock')}
        </button>
      </div>
      <label className="aot-field">
        <span>{t('moderation.ui.noticeLabel')}</span>
        <textarea readOnly rows={4} value={notice} />
      </label>
      <button
        type="button"
        className="aot-button"
        onClick={() =>
          void navigator.clipboard.writeText(notice).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {copied ? t('moderation.ui.copied') : t('moderation.ui.copy')}
      </button>
      {error ? (
        <p role="alert" className="aot-form__notice aot-form__notice--error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
