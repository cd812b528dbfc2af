// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { matchDirectory, resolveEntry } from '@/lib/workflow/directory-match';
import { starterWorkspace } from '@/lib/workflow/workspace';

const yakutia = starterWorkspace('yakutia').bodies;
const saratov = starterWorkspace('saratov').bodies;

describe('finding a body from what a curator types', () => {
  it.each([
    ['Минтранс', 'mintrans'],
    ['минздрав', 'minzdrav'],
    ['Минобр', 'minobr'],
    ['Минтруд', 'mintrud'],
    ['ЖКХ', 'minzhkh'],
    ['minstroy', 'minstroy'],
    ['Министерство экологии РС(Я)', 'minpriroda'],
    ['администрация г. якутска', 'yakutsk'],
  ])('«%s» is %s (Yakutia)', (text, id) => {
    expect(resolveEntry(yakutia, text)?.id).toBe(id);
  });

  it('says nothing for text that is no body, and lists the candidates for an ambiguous one', () => {
    expect(resolveEntry(yakutia, 'Минфин')).toBeUndefined();
    expect(matchDirectory(yakutia, 'Минфин')).toEqual([]);
    expect(resolveEntry(yakutia, '')).toBeUndefined();
    expect(matchDirectory(yakutia, 'Министерство').length).toBeGreaterThan(1);
    expect(resolveEntry(saratov, 'Минстрой')?.id).toBe('minstroy');
  });
});

describe('a person and a body both matching', () => {
  it('names nobody for sure: «Иванов» is a person and the start of «г. Иванова»', async () => {
    const { resolveAssignee } = await import('@/lib/workflow/workspace');
    const ws = starterWorkspace('ivanovo');
    ws.bodies.find((b) => b.id === 'depzhkh')!.executors = [{ id: 'iv', name: 'Иванов Пётр Сергеевич', substitutes: [], absent: false }];
    expect(resolveAssignee(ws, 'Иванов')).toBeNull();
    expect(resolveAssignee(ws, 'Иванов Пётр Сергеевич')).toEqual({ body: 'depzhkh', executor: 'iv' });
    expect(resolveAssignee(ws, 'Администрация г. Иванова')).toEqual({ body: 'ivanovo' });
  });
});
