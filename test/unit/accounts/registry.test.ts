/** The account registry: one account per network per body where the act says so, changes to report within 5 working days. */
import { describe, expect, it } from 'vitest';
import {
  addAccount,
  accountAt,
  lastChangedAt,
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

describe('updateAccount: editing an account', () => {
  const t = at('khabarovsk', '2026-02-18T10:00');
  const edited = (r: ReturnType<typeof updateAccount>): Registry => {
    if (!r.ok) throw new Error(`refused: ${r.error.reason}`);
    return r.value;
  };

  it('makes a new address canonical, and refuses a bad one with its code, leaving the account as it was', () => {
    const reg = added(empty('khabarovsk'), 'a1', 'minstroy', 'https://vk.com/minstroy27', t);
    expect(edited(updateAccount(reg, 'a1', { url: 'https://m.vk.ru/MinStroy_KHV/' }, t + 1)).accounts[0]!.url).toBe('https://vk.com/minstroy_khv');
    const codes = ['https://vk.com/wall-1_2', 'https://example.com/minstroy', 'не адрес'].map((url) => {
      const r = updateAccount(reg, 'a1', { url }, t + 1);
      return r.ok ? 'accepted' : r.error.reason;
    });
    expect(codes).toEqual(['accounts.url.post', 'accounts.url.notVkOk', 'accounts.url.malformed']);
    expect(reg.accounts[0]).toMatchObject({ url: 'https://vk.com/minstroy27', changedAt: t });
  });

  it('checks one account per network (п. 3.1) against the others only: its own VK address may change, an OK account may not move to VK beside it', () => {
    let reg = added(empty('khabarovsk'), 'a1', 'minstroy', 'https://vk.com/minstroy27', t);
    reg = added(reg, 'a2', 'minstroy', 'https://ok.ru/group/777', t);
    reg = added(reg, 'a3', 'minzdrav', 'https://vk.com/minzdrav27', t);
    // Itself excluded: the VK account takes another VK address.
    expect(edited(updateAccount(reg, 'a1', { url: 'https://vk.com/minstroy_new' }, t + 1)).accounts[0]!.url).toBe('https://vk.com/minstroy_new');
    const second = updateAccount(reg, 'a2', { url: 'https://vk.com/minstroy_more' }, t + 1);
    expect(second.ok ? null : [second.error.reason, second.error.params]).toEqual([
      'accounts.secondOnNetwork',
      { act: 'khabarovsk', clause: 'п. 3.1', body: 'minstroy', network: 'vk', existing: 'https://vk.com/minstroy27' },
    ]);
    // Another body's address is refused as a duplicate.
    const dup = updateAccount(reg, 'a1', { url: 'https://vk.ru/minzdrav27' }, t + 1);
    expect(dup.ok ? null : [dup.error.reason, dup.error.params?.body]).toEqual(['accounts.duplicateUrl', 'minzdrav']);
    // Under an act without п. 3.1 the same move is allowed.
    const yak = added(added(empty('yakutia'), 'a1', 'minstroy', 'https://vk.com/minstroy14', t), 'a2', 'minstroy', 'https://ok.ru/group/14', t);
    expect(updateAccount(yak, 'a2', { url: 'https://vk.com/minstroy14_news' }, t + 1).ok).toBe(true);
  });

  it('a new name or address is a change to report like a creation (п. 3.2–3.3); administrators, the official note and the kind are not', () => {
    let reg = added(empty('khabarovsk'), 'a1', 'minstroy', 'https://vk.com/minstroy27', t);
    for (const what of ['registry', 'siteLinks'] as const) reg = edited(markReported(reg, 'a1', what, t + 1000));
    const cal = calendar('khabarovsk');
    const quiet = edited(updateAccount(reg, 'a1', { administrators: ['Петрова П. П.'], statesOfficial: true, kind: 'body' }, t + 5000));
    expect(quiet.accounts[0]).toMatchObject({ administrators: ['Петрова П. П.'], statesOfficial: true, changedAt: t });
    expect(unreportedChanges(quiet, cal, t + 5000)).toEqual([]);
    // The registry's «Изменён» date moves with any real change; an edit changing nothing moves nothing.
    expect(lastChangedAt(quiet.accounts[0]!)).toBe(t + 5000);
    const same = edited(updateAccount(quiet, 'a1', { administrators: [' Петрова П. П.'], statesOfficial: true, url: 'vk.ru/MinStroy27' }, t + 9000));
    expect(same.accounts[0]).toEqual(quiet.accounts[0]);
    expect(lastChangedAt(reg.accounts[0]!)).toBe(t);
    // Renamed on Friday 6 March 2026: 9 March is a day off, the 5th working day after is 16 March.
    const renamedAt = at('khabarovsk', '2026-03-06T15:00');
    const renamed = edited(updateAccount(reg, 'a1', { name: '  Минстрой Хабаровского края ' }, renamedAt));
    expect(renamed.accounts[0]).toMatchObject({ name: 'Минстрой Хабаровского края', changedAt: renamedAt, addedAt: t });
    expect(unreportedChanges(renamed, cal, renamedAt).map((c) => [c.kind, c.change, local('khabarovsk', c.dueAt), c.clause.clause])).toEqual([
      ['registry', 'changed', '2026-03-16T18:00', 'п. 3.2'],
      ['siteLinks', 'changed', '2026-03-16T18:00', 'п. 3.3'],
    ]);
    // The same name again (trimmed) is no change.
    expect(edited(updateAccount(reg, 'a1', { name: 'Страница a1 ' }, renamedAt)).accounts[0]!.changedAt).toBe(t);
  });

  it('refuses an unknown or removed account, and an empty name, with codes', () => {
    const reg = added(empty('khabarovsk'), 'a1', 'minstroy', 'https://vk.com/minstroy27', t);
    const gone = edited(removeAccount(reg, 'a1', t + 1));
    for (const [r, id] of [
      [updateAccount(reg, 'zz', { name: 'x' }, t + 2), 'zz'],
      [updateAccount(gone, 'a1', { name: 'x' }, t + 2), 'a1'],
    ] as const)
      expect(r.ok ? null : [r.error.reason, r.error.params]).toEqual(['accounts.unknownAccount', { id }]);
    const empty_ = updateAccount(reg, 'a1', { name: '   ' }, t + 2);
    expect(empty_.ok ? null : empty_.error.reason).toBe('accounts.invalid');
  });
});

describe("the Government's accounts (Khabarovsk п. 2.1)", () => {
  const t = at('khabarovsk', '2026-02-18T10:00');

  it('reads a stored account without a kind as a body’s', () => {
    const reg = added(empty('khabarovsk'), 'a1', 'minstroy', 'https://vk.com/minstroy27', t);
    const { kind: _dropped, ...old } = reg.accounts[0]!;
    const parsed = registrySchema.safeParse({ act: 'khabarovsk', accounts: [old] });
    expect(parsed.success && parsed.data.accounts[0]!.kind).toBe('body');
    expect(registrySchema.safeParse({ act: 'khabarovsk', accounts: [{ ...old, kind: 'mayor' }] }).success).toBe(false);
  });

  it('are not limited to one per network (п. 3.1 speaks of the bodies), and owe no report within 5 working days (п. 3.2–3.3)', () => {
    const gov = (reg: Registry, id: string, url: string) => {
      const r = addAccount(reg, { id, body: 'komitet', url, name: `Правительство ${id}`, kind: 'government' }, t);
      if (!r.ok) throw new Error(r.error.reason);
      return r.value;
    };
    let reg = gov(empty('khabarovsk'), 'g1', 'https://vk.com/khabkrai');
    reg = gov(reg, 'g2', 'https://vk.com/khabkrai_news');
    // The Committee's own (body) account beside them is still one per network.
    reg = added(reg, 'c1', 'komitet', 'https://vk.com/komitet27', t);
    const second = addAccount(reg, { id: 'c2', body: 'komitet', url: 'https://vk.com/komitet27_2', name: 'Второй' }, t);
    expect(second.ok ? null : second.error.reason).toBe('accounts.secondOnNetwork');
    // Made a body's account, a government one falls under п. 3.1 again.
    const toBody = updateAccount(reg, 'g2', { kind: 'body' }, t + 1);
    expect(toBody.ok ? null : toBody.error.reason).toBe('accounts.secondOnNetwork');
    expect(unreportedChanges(reg, calendar('khabarovsk'), t).map((c) => c.account)).toEqual(['c1', 'c1']);
  });
});
