import { describe, expect, it } from 'vitest';
import { canonicalLink, canonicalProfile, ownPages } from '@/lib/sites/hosts';

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

describe('a reply link typed on the desk', () => {
  it('is put on the canonical host (vk.ru → vk.com), trimmed, and otherwise left as typed', () => {
    expect(canonicalLink('  https://vk.ru/wall-100_502?reply=7 ')).toBe('https://vk.com/wall-100_502?reply=7');
    expect(canonicalLink('https://vk.com/wall-100_502?reply=7')).toBe('https://vk.com/wall-100_502?reply=7');
    expect(canonicalLink('https://ok.ru/group/300/topic/9')).toBe('https://ok.ru/group/300/topic/9');
    expect(canonicalLink('https://example.com/x')).toBe('https://example.com/x');
    expect(canonicalLink('not a link')).toBe('not a link');
  });
});
