/**
 * The reply checker's warning about the post being answered says the ground of the region's own
 * clause and why, in the language in use (the screener returns codes; the background says them).
 */
import { describe, expect, it } from 'vitest';
import { groundText } from '@/entrypoints/background/services/pages';
import { setLocale } from '@/lib/i18n';
import '@/lib/i18n/catalogs';
import { screenIncoming } from '@/lib/lint';

describe('the screener finding as the page says it', () => {
  it('names the ground with the region’s clause and the words that decided it', () => {
    const [finding] = screenIncoming('Глава, я тебя найду и подожгу твой дом').findings.filter((f) => f.ground);
    expect(finding?.ground?.code).toBe('threat');
    const saratov = groundText(finding!, 'saratov');
    expect(saratov).toMatch(/^Похоже, не подлежит обработке: угроза жизни, здоровью или имуществу .+ \(п\. 16 регламента\)\. «.+» — .+/);
    expect(groundText(finding!, 'khabarovsk')).toContain('(п. 4 регламента)');
    setLocale('en');
    try {
      expect(groundText(finding!, 'yakutia')).toContain('cl. 18 of the regulation');
    } finally {
      setLocale('ru');
    }
  });

  it('leaves a draft checker finding as it is', () => {
    const plain = { category: 'cliche' as const, ruleId: 'x', start: 0, end: 1, message: 'Канцелярит', severity: 'warning' as const };
    expect(groundText(plain, 'yakutia')).toBe('Канцелярит');
  });
});
