import type { CapturedItem, Routing } from '@/lib/model/message';

export function sampleItem(overrides: Partial<CapturedItem> = {}): CapturedItem {
  return {
    site: 'vk',
    kind: 'post',
    key: 'vk:wall-100_501',
    url: 'https://vk.com/wall-100_501',
    author: { name: 'Иван Петров', url: 'https://vk.com/ivan.petrov' },
    text: 'На улице Лесной не вывозят мусор',
    attachments: [],
    ...overrides,
  };
}

export const sampleRouting: Routing = {
  topic: 'Вывоз мусора',
  location: 'ул. Лесная, 12',
  importance: 'normal',
  executor: 'ЖКХ', // the housing body of each region's directory
};
