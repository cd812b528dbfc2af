import { describe, expect, it } from 'vitest';
import { canonicalProfile, ownPages } from '@/lib/sites/hosts';

describe('the own pages the content script leaves without a capture button', () => {
  it('are canonical, deduplicated and sorted; anything not a page on the sites is left out', () => {
    expect(
      ownPages(
        ['https://vk.ru/Club100/', 'http://m.vk.com/id42?w=wall', 'javascript:alert(1)', 'https://example.com/x'],
        ['https://ok.ru/group/300', 'https://vk.com/club100'],
      ),
    ).toEqual(['https://ok.ru/group/300', 'https://vk.com/club100', 'https://vk.com/id42']);
    expect(ownPages([], [])).toEqual([]);
  });

  it('match an author link however the page wrote it', () => {
    expect(canonicalProfile('/club100', 'https://vk.ru/wall-100_502')).toBe('https://vk.com/club100');
    expect(canonicalProfile('https://vk.com/')).toBeNull();
  });
});
