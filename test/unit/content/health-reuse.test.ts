/**
 * The page health check reuses a recent passed check of the same page (entrypoints/content/health.ts):
 * reloading a feed does not read it again, while another page, a failed check, an old one or a
 * malformed stored value always leads to a fresh check.
 */
import { describe, expect, it } from 'vitest';
import { HEALTH_REUSE_MS, reusableHealth } from '@/entrypoints/content/health';

const now = Date.UTC(2026, 11, 3, 9, 0);
const checks = [{ name: 'post-root', ok: true, detail: '200 matched' }];
const stored = { site: 'vk', path: '/club1', ok: true, at: now - 60_000, checks };

describe('reusing a recent health check', () => {
  it('gives the stored checks for the same site and path, passed, within the window', () => {
    expect(reusableHealth(stored, 'vk', '/club1', now)).toEqual(checks);
    expect(reusableHealth({ ...stored, at: now - HEALTH_REUSE_MS + 1 }, 'vk', '/club1', now)).toEqual(checks);
  });

  it('checks afresh on another page, another site, after a failure, when old, or from the future', () => {
    expect(reusableHealth(stored, 'vk', '/club2', now)).toBeNull();
    expect(reusableHealth(stored, 'ok', '/club1', now)).toBeNull();
    expect(reusableHealth({ ...stored, ok: false }, 'vk', '/club1', now)).toBeNull();
    expect(reusableHealth({ ...stored, at: now - HEALTH_REUSE_MS }, 'vk', '/club1', now)).toBeNull();
    expect(reusableHealth({ ...stored, at: now + 1000 }, 'vk', '/club1', now)).toBeNull();
  });

  it('checks afresh when nothing or something malformed is stored', () => {
    expect(reusableHealth(undefined, 'vk', '/club1', now)).toBeNull();
    expect(reusableHealth('<html>', 'vk', '/club1', now)).toBeNull();
    expect(reusableHealth({ ...stored, at: 'yesterday' }, 'vk', '/club1', now)).toBeNull();
    expect(reusableHealth({ ...stored, checks: Array.from({ length: 31 }, () => checks[0]) }, 'vk', '/club1', now)).toBeNull();
  });
});
