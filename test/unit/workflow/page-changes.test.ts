import { describe, expect, it } from 'vitest';
import { pageChange } from '@/lib/workflow/page-changes';

const captured = { text: 'Третий день нет горячей воды в домах по улице Садовой.', pageChanges: [] };

describe('pageChange', () => {
  it('records an edit with the new text, once', () => {
    const change = pageChange(captured, 'Пятый день нет горячей воды в домах по улице Садовой!', 10);
    expect(change).toEqual({ kind: 'edited', at: 10, text: 'Пятый день нет горячей воды в домах по улице Садовой!' });
    expect(pageChange({ ...captured, pageChanges: [change!] }, 'Пятый день нет горячей воды в домах по улице Садовой!', 20)).toBeNull();
  });

  it('ignores blanks, NBSP, case and a feed cutting the text short', () => {
    expect(pageChange(captured, 'третий день  нет\u00a0горячей воды в домах по улице Садовой.', 10)).toBeNull();
    expect(pageChange(captured, 'Третий день нет горячей воды…', 10)).toBeNull();
    expect(pageChange({ ...captured, text: 'Третий день нет' }, captured.text, 10)).toBeNull();
    expect(pageChange(captured, '', 10)).toBeNull();
  });

  it('records a deletion once, and an edit after it', () => {
    const deleted = pageChange(captured, null, 10);
    expect(deleted).toEqual({ kind: 'deleted', at: 10 });
    expect(pageChange({ ...captured, pageChanges: [deleted!] }, null, 20)).toBeNull();
    expect(pageChange({ ...captured, pageChanges: [deleted!] }, 'Совсем другой текст', 30)).toMatchObject({ kind: 'edited' });
  });
});
