/**
 * «Официальные аккаунты» (issue 19): the registry of the bodies' official VK and OK pages —
 * reminders of changes not yet reported within the act's working days (Khabarovsk п. 3.2, 3.3),
 * the table grouped by body, the form that adds an account, and the registry's export as XLSX
 * and CSV (the acts require it published on the official site). Read from the database live and
 * written on it directly, as the backup section does.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { unreportedChanges, type Account, type ActId, type Registry, type UnreportedChange } from '@/lib/accounts';
import { getDb } from '@/lib/db';
import { loadRegistry, reportAccountChange, unregisterAccount } from '@/lib/db/accounts';
import { t } from '@/lib/i18n';
import { toCsv } from '@/lib/reports/csv';
import { workspaceSchedule, type Workspace } from '@/lib/workflow/workspace';
import { createWorkCalendar, REGIONS } from '@/lib/worktime';
import { errorCode } from '../errors';
import { downloadBlob as save } from '../download';
import { formatDateTime, formatInstant } from '../format';
import { AccountForm, type Notice } from './AccountForm';
import { AccountNorm } from './AccountNorm';
import { AccountTable, ReportButtons, type AccountActions } from './AccountTable';
import { accountsText, bodyName, clauseText, networkName, registryTable } from './accounts-view';

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

export function Accounts({ workspace }: { workspace: Workspace }) {
  const act: ActId = workspace.region;
  const zone = REGIONS[workspace.region].zone;
  const registry = useLiveQuery(() => loadRegistry(getDb(), act), [act]);
  const calendar = useMemo(() => createWorkCalendar(workspaceSchedule(workspace)), [workspace]);
  const now = useNow();
  const [notice, setNotice] = useState<Notice>(null);

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
    remove: (a: Account) => write(t('accounts.ui.removed', { name: a.name }), () => unregisterAccount(getDb(), act, a.id, Date.now())),
    report: (a: Account, kind) =>
      write(t(kind === 'registry' ? 'accounts.ui.reported.registry' : 'accounts.ui.reported.siteLinks', { name: a.name }), () =>
        reportAccountChange(getDb(), act, a.id, kind, Date.now()),
      ),
  };

  if (!registry) return null;
  const pending = unreportedChanges(registry, calendar, now);
  return (
    <section className="aot-section" aria-labelledby="accounts-title" data-testid="accounts">
      <h2 id="accounts-title">{t('accounts.ui.title')}</h2>
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
      <AccountForm workspace={workspace} act={act} onNotice={setNotice} />
      <AccountNorm act={act} />
      <Exports registry={registry} workspace={workspace} zone={zone} />
    </section>
  );
}
