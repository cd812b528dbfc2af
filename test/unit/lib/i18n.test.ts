import { afterEach, describe, expect, it } from 'vitest';
import { reason, say, setLocale, t, tn, type TextKey } from '@/lib/i18n';
import { reasonText } from '@/components/errors';
import { catalogsForTest } from '@/lib/i18n/catalogs';
import { localeFiles } from '@/lib/i18n/manifest-locales';

afterEach(() => setLocale('ru'));

describe('messages files', () => {
  it('have the same keys and placeholders in every language', () => {
    const ru = catalogsForTest.ru as Record<string, unknown>;
    const en = catalogsForTest.en as Record<string, unknown>;
    expect(Object.keys(en).sort()).toEqual(Object.keys(ru).sort());
    const holes = (v: unknown) =>
      JSON.stringify(v)
        .match(/\{\w+\}/g)
        ?.sort() ?? [];
    for (const key of Object.keys(ru)) expect(holes(en[key]), key).toEqual(holes(ru[key]));
  });

  it('speak Russian by default and English on request', () => {
    expect(t('capture.button')).toBe('Взять в работу');
    setLocale('en');
    expect(t('capture.button')).toBe('Take on');
  });

  it('fill placeholders and leave unknown ones visible', () => {
    expect(t('list.executor', { executor: 'Отдел ЖКХ' })).toBe('Исполнитель: Отдел ЖКХ');
    expect(t('list.executor')).toBe('Исполнитель: {executor}');
    expect(t('list.executor', { other: 'x' })).toBe('Исполнитель: {executor}');
    expect(t('form.saved', { due: 'завтра в 10:00' })).toBe('Сохранено. Срок ответа: завтра в 10:00');
  });

  it('say a reason lib/ returned, its nested texts (and lists of them) in the same language', () => {
    const closed = reason('workflow.closed', { step: reason('workflow.step.published') });
    expect(t(closed.reason, closed.params)).toBe('Сообщение закрыто (ответ опубликован): изменить его нельзя');
    expect(say(closed)).toBe(t(closed.reason, closed.params));
    const list = reason('backup.corrupt', {
      issues: [
        reason('validation.issue', { path: 'a', message: reason('validation.required') }),
        reason('validation.issue', { path: 'b', message: reason('validation.invalid') }),
      ],
    });
    expect(say(list)).toBe('Файл повреждён: a: обязательное поле; b: Неверное значение');
    setLocale('en');
    expect(say(closed)).toBe('The message is closed (answered): it can no longer be changed');
    expect(say(list)).toBe('The file is damaged: a: required; b: Invalid value');
  });

  it('refuse a key no catalog has; the UI says a reply of another version as a refusal with its key', () => {
    expect(() => t('workflow.noSuchKey' as TextKey)).toThrow(/workflow\.noSuchKey/);
    expect(reasonText({ reason: 'workflow.noSuchKey' })).toBe(
      'Расширение отклонило запрос. Обновите страницу; если повторится, сообщите код: workflow.noSuchKey',
    );
    expect(reasonText({ reason: 'publish.error.noTab' })).toBe('Не удалось открыть страницу поста: расширение не ответило на вкладке');
  });

  it('use Russian plural forms', () => {
    expect([1, 2, 5, 21, 22, 25, 11].map((n) => tn('list.openCount', n))).toEqual([
      '1 открытое',
      '2 открытых',
      '5 открытых',
      '21 открытое',
      '22 открытых',
      '25 открытых',
      '11 открытых',
    ]);
    // Counted texts are remembered per language: the same count in English is English.
    setLocale('en');
    expect(tn('list.openCount', 2)).not.toBe('2 открытых');
    expect(tn('list.openCount', 2)).toContain('2');
  });

  it('feed the manifest locales from the same files', () => {
    const files = Object.fromEntries(localeFiles().map((f) => [f.relativeDest, JSON.parse(f.contents)]));
    expect(files['_locales/ru/messages.json'].extName).toEqual({ message: 'Ответ в срок' });
    expect(files['_locales/en/messages.json'].extName).toEqual({ message: 'Answer on time' });
  });
});
