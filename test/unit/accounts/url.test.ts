/** canonicalAccountUrl: VK and OK communities and profiles, canonical; everything else a code. */
import { describe, expect, it } from 'vitest';
import { canonicalAccountUrl } from '@/lib/accounts';

const okUrl = (input: unknown) => {
  const r = canonicalAccountUrl(input);
  if (!r.ok) throw new Error(`refused ${String(input)}: ${r.error.reason}`);
  return r.value;
};
const refusal = (input: unknown) => {
  const r = canonicalAccountUrl(input);
  return r.ok ? null : r.error.reason;
};

describe('canonicalAccountUrl', () => {
  it('gives one address for every form of a VK community (vk.ru, mobile, http, no scheme, case, slash, query)', () => {
    const forms = ['https://vk.com/club100', 'https://vk.ru/club100', 'http://m.vk.com/Club100/', 'vk.com/club100?from=search', 'https://vk.com/club100#wall'];
    const urls = forms.map((f) => okUrl(f));
    for (const u of urls) expect(u).toEqual({ url: 'https://vk.com/club100', network: 'vk' });
  });

  it('accepts VK screen names and profiles, and OK groups, profiles and aliases', () => {
    expect(okUrl('https://vk.com/minzdrav_ykt')).toEqual({ url: 'https://vk.com/minzdrav_ykt', network: 'vk' });
    expect(okUrl('vk.com/id12345').url).toBe('https://vk.com/id12345');
    expect(okUrl('https://ok.ru/group/300/')).toEqual({ url: 'https://ok.ru/group/300', network: 'ok' });
    expect(okUrl('https://m.ok.ru/profile/5577')).toEqual({ url: 'https://ok.ru/profile/5577', network: 'ok' });
    expect(okUrl('ok.ru/minstroy27').url).toBe('https://ok.ru/minstroy27');
  });

  it('refuses a post, photo, video or comment link with accounts.url.post', () => {
    for (const link of [
      'https://vk.com/wall-100_502',
      'https://vk.com/photo-100_9001',
      'https://vk.com/video-100_77',
      'https://vk.com/club100?w=wall-100_502',
      'https://vk.com/wall-100_502?reply=7',
      'https://ok.ru/group/300/topic/700001',
      'https://ok.ru/profile/5577/statuses/1234',
      'https://ok.ru/group/300/album/55',
    ])
      expect(refusal(link), link).toBe('accounts.url.post');
  });

  it('refuses a section of the site or a sub-page with accounts.url.notAPage', () => {
    for (const link of [
      'https://vk.com/',
      'https://vk.com/feed',
      'https://vk.com/im',
      'https://vk.com/club100/members',
      'https://ok.ru/feed',
      'https://ok.ru/group/300/members',
      'https://ok.ru/photos',
    ])
      expect(refusal(link), link).toBe('accounts.url.notAPage');
  });

  it('refuses other sites with accounts.url.notVkOk, and garbage with accounts.url.malformed, without throwing', () => {
    for (const link of ['https://facebook.com/club100', 'https://vk.com.evil.ru/club100', 'ftp://vk.com/club100', 'https://khabkrai.ru'])
      expect(refusal(link), link).toBe('accounts.url.notVkOk');
    for (const bad of ['', '   ', 'https://', 'vk com/club', 'https://[vk.com]/x', 'x'.repeat(600), 42, null, undefined])
      expect(refusal(bad), String(bad)).toBe('accounts.url.malformed');
  });
});
