/**
 * The check a catalog passes before the content script installs it (lib/i18n/schema.ts): the
 * real catalogs pass; anything else — a number, a long key or text, a plural short of a form, an
 * array, too many entries — is refused with zod's error.
 */
import { describe, expect, it } from 'vitest';
import ru from '@/lib/i18n/locales/ru.json';
import en from '@/lib/i18n/locales/en.json';
import { activeCatalogSchema, isCatalogMessages, messagesSchema } from '@/lib/i18n/schema';

const plural = { one: 'день', few: 'дня', many: 'дней', other: 'дня' };

describe('the catalog check', () => {
  it('passes both real catalogs, plurals included', () => {
    expect(isCatalogMessages(ru.messages)).toBe(true);
    expect(isCatalogMessages(en.messages)).toBe(true);
    expect(messagesSchema.safeParse({ 'a.b': 'текст', 'a.c': plural }).success).toBe(true);
    expect(activeCatalogSchema.safeParse({ locale: 'ru', version: '1.0.0', digest: 'x', messages: ru.messages }).success).toBe(true);
  });

  it('refuses what is not a catalog', () => {
    for (const bad of [
      null,
      'текст',
      ['a'],
      { 'capture.button': 5 },
      { 'capture.button': null },
      { ['k'.repeat(101)]: 'текст' },
      { k: 'т'.repeat(5001) },
      { k: { one: 'a', many: 'b', other: 'c' } },
      { k: { ...plural, few: 3 } },
      Object.fromEntries(Array.from({ length: 5001 }, (_, i) => [`k${i}`, 'x'])),
    ]) {
      expect(isCatalogMessages(bad)).toBe(false);
      const parsed = messagesSchema.safeParse(bad);
      expect(parsed.success).toBe(false);
    }
    expect(activeCatalogSchema.safeParse({ locale: 'ru', version: '1.0.0', digest: 'x', messages: { k: 1 } }).success).toBe(false);
  });
});
