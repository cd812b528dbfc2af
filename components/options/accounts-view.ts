/**
 * What the options page's «Официальные аккаунты» section says and exports, without React: the
 * words of lib/accounts' refusals (a clause with its act's name), the administrators typed in a
 * box, and the registry as a table for the CSV and XLSX writers of lib/reports.
 */
import { activeAccounts, lastChangedAt, type Account, type AccountsReason, type ActId, type Clause, type Network, type Registry } from '@/lib/accounts';
import { say, t, type Params, type Reason } from '@/lib/i18n';
import type { Table } from '@/lib/reports/tables';
import type { Workspace } from '@/lib/workflow/workspace';
import { REGIONS, type Region } from '@/lib/worktime';

/** The name of an act as the page cites it: the region's name, or Zhatay's. */
export function actName(act: ActId): string {
  return act === 'zhatay' ? t('accounts.ui.act.zhatay') : (REGIONS[act as Region]?.name ?? act);
}

/** An act as the choice of the act of the own pages names it: «Республика Саха (Якутия) — акт региона», «Положение ГО «Жатай»». */
export function actChoiceName(act: ActId): string {
  return act === 'zhatay' ? t('accounts.ui.act.zhatayChoice') : t('accounts.ui.act.region', { region: actName(act) });
}

/** «Хабаровский край, п. 3.1». */
export function clauseText(clause: Clause): string {
  return t('accounts.ui.clause', { act: actName(clause.act), clause: clause.clause });
}

const isActId = (value: unknown): value is ActId => typeof value === 'string' && (value === 'zhatay' || Object.hasOwn(REGIONS, value));

const isClause = (value: unknown): value is Clause =>
  typeof value === 'object' && value !== null && !('reason' in value) && isActId((value as Clause).act) && typeof (value as Clause).clause === 'string';

/**
 * Says a refusal of lib/accounts. Its `clause` param is a clause of the act in `act` (or a Clause
 * object, which t() cannot fill): said with the act's name.
 */
export function accountsText(error: AccountsReason): string {
  const params: Record<string, unknown> = { ...error.params };
  const clause = params.clause;
  if (isClause(clause)) params.clause = clauseText(clause);
  else if (typeof clause === 'string' && isActId(params.act)) params.clause = clauseText({ act: params.act, clause });
  return say({ reason: error.reason, params: params as Params } as Reason);
}

/** Administrators typed comma- or line-separated: trimmed, without empties and repeats. */
export function splitAdministrators(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,;\n]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

export const networkName = (network: Network): string => t(network === 'vk' ? 'site.vk' : 'site.ok');

/** The body's name in the workspace's directory (its id when the directory no longer has it). */
export const bodyName = (ws: Workspace, id: string): string => ws.bodies.find((b) => b.id === id)?.name ?? id;

/** Whose account as the published registry says it: the body, or the Government with the body that keeps it. */
export const ownerName = (ws: Workspace, account: Pick<Account, 'body' | 'kind'>): string =>
  account.kind === 'government' ? t('accounts.ui.governmentOf', { body: bodyName(ws, account.body) }) : bodyName(ws, account.body);

/**
 * The registry as published (active accounts), ordered as the directory lists the bodies:
 * Russian headers, dates in the region's zone when the writer formats them.
 */
export function registryTable(registry: Registry, ws: Workspace): Table {
  const order = new Map(ws.bodies.map((b, i) => [b.id, i]));
  const accounts = [...activeAccounts(registry)].sort(
    (a, b) => (order.get(a.body) ?? Infinity) - (order.get(b.body) ?? Infinity) || a.network.localeCompare(b.network) || a.addedAt - b.addedAt,
  );
  return {
    name: t('accounts.ui.export.sheet'),
    columns: [
      { header: t('accounts.ui.col.body'), type: 'text', width: 40 },
      { header: t('accounts.ui.col.network'), type: 'text', width: 16 },
      { header: t('accounts.ui.col.url'), type: 'text', width: 36 },
      { header: t('accounts.ui.col.name'), type: 'text', width: 36 },
      { header: t('accounts.ui.col.administrators'), type: 'text', width: 36 },
      { header: t('accounts.ui.col.statesOfficial'), type: 'text', width: 20 },
      { header: t('accounts.ui.col.addedAt'), type: 'date' },
      { header: t('accounts.ui.col.changedAt'), type: 'date' },
    ],
    rows: accounts.map((a) => [
      ownerName(ws, a),
      networkName(a.network),
      a.url,
      a.name,
      a.administrators.join(', '),
      t(a.statesOfficial ? 'accounts.ui.yes' : 'accounts.ui.no'),
      a.addedAt,
      lastChangedAt(a),
    ]),
  };
}
