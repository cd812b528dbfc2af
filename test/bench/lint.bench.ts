// @vitest-environment node
/** The draft checker and the screener on drafts of typical sizes, in Node. */
import { bench, describe } from 'vitest';
import { lintDraft, screenIncoming } from '@/lib/lint';

const official =
  'Уважаемый гражданин! Ваше обращение рассмотрено. В настоящее время в рамках муниципальной программы осуществляются работы по ремонту асфальтобетонного покрытия улично-дорожной сети. ' +
  'Вышеуказанные работы будут выполнены в установленные сроки. Доводим до вашего сведения, что вывоз ТКО осуществляется согласно утверждённому графику. ';
const plain = 'Анна, здравствуйте! Яму у дома 12 на Лесной заделаем до 15 мая, а мусор вывезем завтра утром. Если не вывезут — звоните 8 (4112) 42-15-16. ';
const draft = (length: number) => {
  let s = '';
  for (let i = 0; s.length < length; i++) s += i % 2 ? plain : official;
  return s.slice(0, length);
};
const d300 = draft(300);
const d1000 = draft(1000);
const d5000 = draft(5000);
const post = 'Когда уже отремонтируют дорогу на Лесной? Третий год одни обещания, а чиновники только отписки пишут. Сколько можно ждать, дети ходят по грязи! '
  .repeat(4)
  .slice(0, 500);

describe('lintDraft', () => {
  bench('300 characters', () => {
    lintDraft(d300);
  });
  bench('1,000 characters', () => {
    lintDraft(d1000);
  });
  bench('5,000 characters', () => {
    lintDraft(d5000);
  });
});

describe('screenIncoming', () => {
  bench('500-character post', () => {
    screenIncoming(post);
  });
});
