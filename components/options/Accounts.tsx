/**
 * «Официальные аккаунты» (issue 19): the registry of the bodies' official VK and OK pages —
 * the act they follow (a Yakutia workspace may choose the Положение ГО «Жатай»), reminders of
 * changes not yet reported within the act's working days (Khabarovsk п. 3.2, 3.3), the table
 * grouped by body, the form that adds an account or changes one, the pages whose «не внесена в
 * реестр» bar was hidden, and the registry's export as XLSX and CSV (the acts require it
 * published on the official site). Read from the database live and written on it directly, as
 * the backup section does.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useMemo, useState } from 'react';
import { ownPagesActs, unreportedChanges, type Account, type ActId, type Registry, type UnreportedChange } from '@/lib/accounts';
import { getDb } from '@/lib/db';
import { hiddenPages, loadOwnPagesAct, loadRegistry, reportAccountChange, saveOwnPagesAct, showPage, unregisterAccount } from '@/lib/db/accounts';
import { t } from '@/lib/i18n';
import { toCsv } from '@/lib/reports/csv';
import { workspaceSchedule, type Workspace } from '@/lib/workflow/workspace';
import { createWorkCalendar, REGIONS, type Region } from '@/lib/worktime';
import { errorCode } from '../errors';
import { downloadBlob as save } from '../download';
import { formatDateTime, formatInstant } from '../format';
import { AccountForm, type Notice } from './AccountForm';
import { AccountNorm } from './AccountNorm';
import { AccountTable, ReportButtons, type AccountActions } from './AccountTable';
import { accountsText, actChoiceName, bodyName, clauseText, networkName, registryTable } from './accounts-view';

/** The clock, read again every minute (reminders turn overdue while the page is open). */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function Reminders({
  pending,
  registry,
  workspace,
  zone,
  actions,
}: {
  pending: readonly UnreportedChange[];
  registry: Registry;
  workspace: Workspace;
  zone: string;
  actions: AccountActions;
}) {
  if (!pending.length) return null;
  const byId = new Map(registry.accounts.map((a) => [a.id, a]));
  return (
    <div className="aot-alert" data-testid="account-reminders">
      <h3>{t('accounts.ui.reminders')}</h3>
      <ul>
        {pending.map((p) => {
          const account = byId.get(p.account);
          if (!account) return null;
          const text = t(p.kind === 'registry' ? 'accounts.ui.reminder.registry' : 'accounts.ui.reminder.siteLinks', {
            body: bodyName(workspace, p.body),
            name: account.name,
            network: networkName(account.network),
            change: t(`accounts.ui.change.${p.change}`),
            changedAt: formatDateTime(p.changedAt, zone),
            due: formatInstant(p.dueAt, zone),
            clause: clauseText(p.clause),
          });
          return (
            <li key={`${p.account}:${p.kind}`} className={p.overdue ? 'aot-countdown--overdue' : undefined} data-overdue={p.overdue || undefined}>
              {p.overdue ? <strong>{t('accounts.ui.overdue')} </strong> : null}
              {text}
              {/* A removed account is no longer in the table: its marks are here. */}
              {account.removedAt !== undefined ? (
                <>
                  {' '}
                  <ReportButtons account={account} kinds={[p.kind]} actions={actions} />
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

const activeOf = (registry: Registry, id: string): Account | undefined => registry.accounts.find((a) => a.id === id && a.removedAt === undefined);

function Exports({ registry, workspace, zone }: { registry: Registry; workspace: Workspace; zone: string }) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const base = `accounts-${new Date().toISOString().slice(0, 10)}`;
  return (
    <div className="aot-toolbar">
      <p className="aot-hint">{t('accounts.ui.export.hint')}</p>
      <button
        type="button"
        className="aot-button"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setFailed(false);
          try {
            // The writer is loaded when asked for: the options page opens without it.
            const { toXlsx } = await import('@/lib/reports/xlsx');
            save(await toXlsx([registryTable(registry, workspace)], zone), `${base}.xlsx`);
          } catch (error) {
            console.error('[aot] XLSX export failed', error);
            setFailed(true);
          } finally {
            setBusy(false);
          }
        }}
      >
        {t('accounts.ui.export.xlsx')}
      </button>
      <button
        type="button"
        className="aot-button"
        onClick={() => save(new Blob([toCsv(registryTable(registry, workspace), zone)], { type: 'text/csv;charset=utf-8' }), `${base}.csv`)}
      >
        {t('accounts.ui.export.csv')}
      </button>
      {failed ? (
        <p role="alert" className="aot-form__notice aot-form__notice--error">
          {t('accounts.ui.export.failed')}
        </p>
      ) : null}
    </div>
  );
}

/** The act the own pages follow, where the region allows a choice (Yakutia: its act or Zhatay's). */
function ActChoice({ region, act, onNotice }: { region: Region; act: ActId; onNotice: (notice: Notice) => void }) {
  const choices = ownPagesActs(region);
  if (choices.length < 2) return null;
  const choose = async (next: ActId) => {
    try {
      const r = await saveOwnPagesAct(getDb(), region, next);
      onNotice(r.ok ? { ok: true, text: t('accounts.ui.act.saved', { act: actChoiceName(next) }) } : { ok: false, text: accountsText(r.error) });
    } catch (error) {
      console.warn('[aot] choosing the act failed', error);
      onNotice({ ok: false, text: t('accounts.ui.failed', { code: errorCode(error) }) });
    }
  };
  return (
    <div className="aot-toolbar" data-testid="account-act">
      <label className="aot-field">
        <span className="aot-field__label">{t('accounts.ui.act.label')}</span>
        <select value={act} onChange={(e) => void choose(e.target.value as ActId)}>
          {choices.map((a) => (
            <option key={a} value={a}>
              {actChoiceName(a)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** The pages whose «не внесена в реестр» bar was hidden from the page, each shown again in one action. */
function HiddenPages({ zone, onNotice }: { zone: string; onNotice: (notice: Notice) => void }) {
  const id = useId();
  const hidden = useLiveQuery(() => hiddenPages(getDb()), []);
  if (!hidden?.length) return null;
  const show = async (url: string) => {
    try {
      const r = await showPage(getDb(), url);
      onNotice(r.ok ? { ok: true, text: t('accounts.ui.hidden.shown', { url }) } : { ok: false, text: accountsText(r.error) });
    } catch (error) {
      console.warn('[aot] showing a hidden page failed', error);
      onNotice({ ok: false, text: t('accounts.ui.failed', { code: errorCode(error) }) });
    }
  };
  return (
    <div aria-labelledby={`${id}-title`} role="group" data-testid="hidden-pages">
      <h3 id={`${id}-title`}>{t('accounts.ui.hidden.title')}</h3>
      <p className="aot-hint">{t('accounts.ui.hidden.hint')}</p>
      <ul className="aot-plain-list">
        {hidden.map((h) => (
          <li key={h.url}>
            <a href={h.url} target="_blank" rel="noopener">
              {h.url}
            </a>{' '}
            <span className="aot-muted">{t('accounts.ui.hidden.at', { at: formatDateTime(h.at, zone) })}</span>{' '}
            <button type="button" className="aot-button" aria-label={t('accounts.ui.hidden.showLabel', { url: h.url })} onClick={() => void show(h.url)}>
              {t('accounts.ui.hidden.show')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Accounts({ workspace }: { workspace: Workspace }) {
  // The act the own pages follow: the region's, or the one chosen here (loadOwnPagesAct).
  const act = useLiveQuery(() => loadOwnPagesAct(getDb(), workspace.region), [workspace.region]);
  if (!act) return null;
  return <AccountsSection workspace={workspace} act={act} />;
}

function AccountsSection({ workspace, act }: { workspace: Workspace; act: ActId }) {
  const zone = REGIONS[workspace.region].zone;
  const registry = useLiveQuery(() => loadRegistry(getDb(), act), [act]);
  const calendar = useMemo(() => createWorkCalendar(workspaceSchedule(workspace)), [workspace]);
  const now = useNow();
  const [notice, setNotice] = useState<Notice>(null);
  const [editing, setEditing] = useState<Account | null>(null);

  const write = async (done: string, fn: () => ReturnType<typeof unregisterAccount>) => {
    try {
      const result = await fn();
      setNotice(result.ok ? { ok: true, text: done } : { ok: false, text: accountsText(result.error) });
    } catch (error) {
      console.warn('[aot] changing the registry failed', error);
      setNotice({ ok: false, text: t('accounts.ui.failed', { code: errorCode(error) }) });
    }
  };
  const actions: AccountActions = {
    edit: (a: Account) => {
      setNotice(null);
      setEditing(a);
    },
    remove: (a: Account) => write(t('accounts.ui.removed', { name: a.name }), () => unregisterAccount(getDb(), act, a.id, Date.now())),
    report: (a: Account, kind) =>
      write(t(kind === 'registry' ? 'accounts.ui.reported.registry' : 'accounts.ui.reported.siteLinks', { name: a.name }), () =>
        reportAccountChange(getDb(), act, a.id, kind, Date.now()),
      ),
  };

  if (!registry) return null;
  const pending = unreportedChanges(registry, calendar, now);
  // The account being changed, as the registry has it now (gone: the form closes).
  const edited = editing ? activeOf(registry, editing.id) : undefined;
  return (
    <section id="accounts" className="aot-section" aria-labelledby="accounts-title" data-testid="accounts">
      <h2 id="accounts-title">{t('accounts.ui.title')}</h2>
      <ActChoice region={workspace.region} act={act} onNotice={setNotice} />
      <Reminders pending={pending} registry={registry} workspace={workspace} zone={zone} actions={actions} />
      <p className="aot-hint">{t('accounts.ui.intro')}</p>
      <AccountTable registry={registry} workspace={workspace} zone={zone} pending={pending} actions={actions} />
      {notice ? (
        <p
          role={notice.ok ? 'status' : 'alert'}
          className={`aot-form__notice ${notice.ok ? 'aot-form__notice--ok' : 'aot-form__notice--error'}`}
          data-testid="accounts-notice"
        >
          {notice.text}
        </p>
      ) : null}
      {edited ? (
        <AccountForm key={edited.id} workspace={workspace} act={act} onNotice={setNotice} editing={edited} onDone={() => setEditing(null)} />
      ) : (
        <AccountForm key="new" workspace={workspace} act={act} onNotice={setNotice} />
      )}
      <HiddenPages zone={zone} onNotice={setNotice} />
      <AccountNorm act={act} />
      <Exports registry={registry} workspace={workspace} zone={zone} />
    </section>
  );
}
