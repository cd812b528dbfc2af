/** The account registry: one account per network per body where the act says so, changes to report within 5 working days. */
import { describe, expect, it } from 'vitest';
import {
  addAccount,
  accountAt,
  markReported,
  registrySchema,
  removeAccount,
  unreportedChanges,
  updateAccount,
  withoutOfficialNote,
  type ActId,
  type Registry,
} from '@/lib/accounts';
import { at, calendar, local } from './helpers';

const empty = (act: ActId): Registry => ({ act, accounts: [] });

function added(registry: Registry, id: string, body: string, url: string, when: number): Registry {
  const r = addAccount(registry, { id, body, url, name: `Страница ${id}` }, when);
  if (!r.ok) throw new Error(`refused: ${r.error.reason}`);
  return r.value;
}

describe('addAccount', () => {
  const t = at('khabarovsk', '2026-02-18T10:00');

  it('refuses a second account of a body in one network in Khabarovsk, citing п. 3.1 of its act', () => {
    const reg = added(empty('khabarovsk'), 'a1', 'minstroy', 'https://vk.com/minstroy27', t);
    const second = addAccount(reg, { id: 'a2', body: 'minstroy', url: 'https://vk.ru/minstroy_khv', name: 'Вторая' }, t);
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.error.reason).toBe('accounts.secondOnNetwork');
    expect(second.error.params).toMatchObject({ act: 'khabarovsk', clause: 'п. 3.1', network: 'vk', existing: 'https://vk.com/minstroy27' });
  });

  it('lets the same body add an account in the other network, and another body its own VK account', () => {
    let reg = added(empty('khabarovsk'), 'a1', 'minstroy', 'https://vk.com/minstroy27', t);
    reg = added(reg, 'a2', 'minstroy', 'https://ok.ru/group/777', t);
    reg = added(reg, 'a3', 'minzdrav', 'https://vk.com/minzdrav27', t);
    expect(reg.accounts.map((a) => [a.body, a.network])).toEqual([
      ['minstroy', 'vk'],
      ['minstroy', 'ok'],
      ['minzdrav', 'vk'],
    ]);
    expect(registrySchema.safeParse(reg).success).toBe(true);
  });

  it('allows a second account per network where the act states no such rule (Yakutia, Saratov)', () => {
    for (const act of ['yakutia', 'saratov'] as const) {
      const reg = added(empty(act), 'a1', 'minsport', 'https://vk.com/minsport14', t);
      const second = addAccount(reg, { id: 'a2', body: 'minsport', url: 'https://vk.com/minsport_news', name: 'Новости' }, t);
      expect(second.ok, act).toBe(true);
    }
  });

  it('allows a new VK account once the old one is removed', () => {
    let reg = added(empty('khabarovsk'), 'a1', 'minstroy', 'https://vk.com/minstroy27', t);
    const removed = removeAccount(reg, 'a1', t + 1000);
    expect(removed.ok).toBe(true);
    if (removed.ok) reg = removed.value;
    expect(addAccount(reg, { id: 'a2', body: 'minstroy', url: 'https://vk.com/minstroy_new', name: 'Новая' }, t + 2000).ok).toBe(true);
  });

  it('refuses an address already registered, a network that disagrees with it, and a bad address, with codes', () => {
    const reg = added(empty('yakutia'), 'a1', 'minsport', 'https://vk.com/minsport14', t);
    const dup = addAccount(reg, { id: 'a2', body: 'minkult', url: 'https://m.vk.com/minsport14/', name: 'x' }, t);
    expect(dup.ok ? null : [dup.error.reason, dup.error.params?.body]).toEqual(['accounts.duplicateUrl', 'minsport']);
    const mismatch = addAccount(reg, { id: 'a3', body: 'minkult', url: 'https://ok.ru/group/1', network: 'vk', name: 'x' }, t);
    expect(mismatch.ok ? null : mismatch.error.reason).toBe('accounts.networkMismatch');
    const post = addAccount(reg, { id: 'a4', body: 'minkult', url: 'https://vk.com/wall-1_2', name: 'x' }, t);
    expect(post.ok ? null : post.error.reason).toBe('accounts.url.post');
  });

  it('refuses an out-of-range instant or an empty name as invalid instead of throwing', () => {
    for (const when of [Number.NaN, -1, 1e300]) {
      const r = addAccount(empty('yakutia'), { id: 'a1', body: 'b', url: 'https://vk.com/club1', name: 'x' }, when);
      expect(r.ok ? null : r.error.reason, String(when)).toBe('accounts.invalid');
    }
    const noName = addAccount(empty('yakutia'), { id: 'a1', body: 'b', url: 'https://vk.com/club1', name: '  ' }, t);
    expect(noName.ok ? null : noName.error.reason).toBe('accounts.invalid');
  });

  it('finds the account at any form of its address', () => {
    const reg = added(empty('yakutia'), 'a1', 'minsport', 'https://vk.com/minsport14', t);
    expect(accountAt(reg, 'https://vk.ru/MinSport14/')?.id).toBe('a1');
    expect(accountAt(reg, 'https://vk.com/other')).toBeNull();
  });
});

describe('unreportedChanges (Khabarovsk п. 3.2, 3.3)', () => {
  const cal = calendar('khabarovsk');
  // Wed 18 Feb 2026; the 5 working days after it skip the weekend and 23 Feb (Defender of the Fatherland Day).
  const addedAt = at('khabarovsk', '2026-02-18T11:00');

  it('is due at the end of the 5th working day after the change, across a holiday', () => {
    const reg = added(empty('khabarovsk'), 'a1', 'minstroy', 'https://vk.com/minstroy27', addedAt);
    const changes = unreportedChanges(reg, cal, addedAt);
    expect(changes.map((c) => [c.kind, c.change, c.clause.clause, c.clause.act])).toEqual([
      ['registry', 'added', 'п. 3.2', 'khabarovsk'],
      ['siteLinks', 'added', 'п. 3.3', 'khabarovsk'],
    ]);
    // 19, 20, 24, 25, 26 February: the holiday on Monday 23 February is skipped.
    for (const c of changes) expect(local('khabarovsk', c.dueAt)).toBe('2026-02-26T18:00');
  });

  it('is overdue only after the due instant, and gone once reported', () => {
    let reg = added(empty('khabarovsk'), 'a1', 'minstroy', 'https://vk.com/minstroy27', addedAt);
    expect(unreportedChanges(reg, cal, at('khabarovsk', '2026-02-26T17:59')).every((c) => !c.overdue)).toBe(true);
    expect(unreportedChanges(reg, cal, at('khabarovsk', '2026-02-27T09:00')).every((c) => c.overdue)).toBe(true);
    const reported = markReported(reg, 'a1', 'registry', at('khabarovsk', '2026-02-20T10:00'));
    if (!reported.ok) throw new Error(reported.error.reason);
    reg = reported.value;
    expect(unreportedChanges(reg, cal, at('khabarovsk', '2026-02-27T09:00')).map((c) => c.kind)).toEqual(['siteLinks']);
  });

  it('restarts with a new address or name, not with new administrators', () => {
    let reg = added(empty('khabarovsk'), 'a1', 'minstroy', 'https://vk.com/minstroy27', addedAt);
    for (const what of ['registry', 'siteLinks'] as const) {
      const r = markReported(reg, 'a1', what, at('khabarovsk', '2026-02-19T10:00'));
      if (r.ok) reg = r.value;
    }
    expect(unreportedChanges(reg, cal, at('khabarovsk', '2026-03-02T10:00'))).toEqual([]);
    const admins = updateAccount(reg, 'a1', { administrators: ['Петрова'] }, at('khabarovsk', '2026-03-02T10:00'));
    if (!admins.ok) throw new Error(admins.error.reason);
    expect(unreportedChanges(admins.value, cal, at('khabarovsk', '2026-03-02T10:00'))).toEqual([]);
    // Fri 6 Mar 2026; 9 Mar (Monday, for 8 March on a Sunday) is a day off: 10, 11, 12, 13, 16 March.
    const moved = updateAccount(reg, 'a1', { url: 'https://vk.com/minstroy_khv' }, at('khabarovsk', '2026-03-06T15:00'));
    if (!moved.ok) throw new Error(moved.error.reason);
    const changes = unreportedChanges(moved.value, cal, at('khabarovsk', '2026-03-06T15:00'));
    expect(changes.map((c) => [c.kind, c.change, local('khabarovsk', c.dueAt)])).toEqual([
      ['registry', 'changed', '2026-03-16T18:00'],
      ['siteLinks', 'changed', '2026-03-16T18:00'],
    ]);
  });

  it('reports a deletion too, and nothing at all under an act without the term (Saratov)', () => {
    const reg = added(empty('khabarovsk'), 'a1', 'minstroy', 'https://vk.com/minstroy27', addedAt);
    const removed = removeAccount(reg, 'a1', at('khabarovsk', '2026-03-02T10:00'));
    if (!removed.ok) throw new Error(removed.error.reason);
    expect(unreportedChanges(removed.value, cal, at('khabarovsk', '2026-03-02T10:00')).map((c) => c.change)).toEqual(['removed', 'removed']);
    const saratov = added(empty('saratov'), 'a1', 'minstroy', 'https://vk.com/minstroy64', at('saratov', '2026-02-18T11:00'));
    expect(unreportedChanges(saratov, calendar('saratov'), at('saratov', '2026-12-01T10:00'))).toEqual([]);
  });

  it('lists accounts whose page does not say it is official (Zhatay п. 3.5)', () => {
    let reg = added(empty('zhatay'), 'a1', 'admin', 'https://vk.com/zhatay_adm', addedAt);
    expect(withoutOfficialNote(reg)).toEqual([{ account: 'a1', body: 'admin', clause: { act: 'zhatay', clause: 'п. 3.5' } }]);
    const noted = updateAccount(reg, 'a1', { statesOfficial: true }, addedAt + 1);
    if (noted.ok) reg = noted.value;
    expect(withoutOfficialNote(reg)).toEqual([]);
  });
});
