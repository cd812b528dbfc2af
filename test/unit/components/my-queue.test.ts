import { describe, expect, it } from 'vitest';
import { countableWorkspace, fromPeek, keepUnchanged, type MyQueue } from '@/components/state/my-queue';
import type { Message } from '@/lib/model/workflow';
import { starterWorkspace } from '@/lib/workflow/workspace';

const workspace = starterWorkspace('saratov');
const msg = (id: string, extra: Partial<Message> = {}) => ({ id, status: 'open', nextDueAt: 1, text: `t${id}`, ...extra }) as Message;

describe('countableWorkspace', () => {
  it('accepts a stored workspace and refuses what the popup could not count with', () => {
    expect(countableWorkspace(workspace)).toBe(true);
    const { schedule, ...noSchedule } = workspace;
    for (const bad of [
      null,
      'ws',
      noSchedule,
      { ...workspace, region: 'atlantis' },
      { ...workspace, region: 'toString' },
      { ...workspace, user: { ...workspace.user, roles: 'curator' } },
      { ...workspace, schedule: { ...schedule, overrides: [] } },
      { ...workspace, bodies: [{ id: 'b1' }] },
    ])
      expect(countableWorkspace(bad)).toBe(false);
  });

  it('fromPeek passes a countable read on and turns anything else into null (the live path then reads)', () => {
    const messages = [msg('1')];
    expect(fromPeek({ workspace, messages })).toEqual({ workspace, messages });
    expect(fromPeek({ workspace: { ...workspace, region: 'atlantis' }, messages })).toBeNull();
    expect(fromPeek(null)).toBeNull();
  });
});

describe('keepUnchanged', () => {
  const prev: MyQueue = { workspace, messages: [msg('1'), msg('2'), msg('3')] };

  it('keeps the very same state when the live read equals what is shown (no render)', () => {
    const next = structuredClone(prev);
    expect(keepUnchanged(prev, next)).toBe(prev);
  });

  it('keeps unchanged messages as the same objects and takes the changed ones', () => {
    const next = structuredClone(prev);
    next.messages[1] = msg('2', { text: 'edited' });
    const merged = keepUnchanged(prev, next);
    expect(merged).not.toBe(prev);
    expect(merged.workspace).toBe(prev.workspace);
    expect(merged.messages[0]).toBe(prev.messages[0]);
    expect(merged.messages[1]).toBe(next.messages[1]);
    expect(merged.messages[2]).toBe(prev.messages[2]);
  });

  it('follows a new order, removals and a changed workspace', () => {
    const reordered = keepUnchanged(prev, { workspace, messages: [structuredClone(prev.messages[2]!), structuredClone(prev.messages[0]!)] });
    expect(reordered.messages).toEqual([prev.messages[2], prev.messages[0]]);
    expect(reordered.messages[0]).toBe(prev.messages[2]);
    const renamed = { ...workspace, bodies: [] };
    const next = keepUnchanged(prev, { workspace: renamed, messages: structuredClone(prev.messages) });
    expect(next.workspace).toBe(renamed);
    expect(next.messages[0]).toBe(prev.messages[0]);
    expect(keepUnchanged(undefined, prev)).toBe(prev);
  });
});

describe('fromPeek and a stored schedule the calendar refuses', () => {
  it('leaves such a workspace to the live path instead of breaking the popup', () => {
    const broken = { ...workspace, schedule: { ...workspace.schedule, overrides: { '2026-12-01': [['9:00', '18:00']] } } };
    expect(countableWorkspace(broken)).toBe(true); // it looks right…
    expect(fromPeek({ workspace: broken, messages: [msg('1')] })).toBeNull(); // …but cannot be counted with
  });
});
