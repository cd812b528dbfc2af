/**
 * The Russian federal production calendar, 2020–2027, written by us from the decrees (data
 * facts are not protected works; the public datasets in ../shared/fixtures/calendars are only
 * test oracles).
 *
 * - Holidays: Labour Code art. 112 (below, HOLIDAYS). A holiday outside January that falls on a
 *   weekend moves its day off to the next working day (computed, not listed), unless the year's
 *   decree moves it elsewhere.
 * - Transfers: the government's yearly decree moves days off. Each pair [from, to] makes `to` a
 *   day off; `from` is a weekend day that stops being a day off (a working Saturday) unless it
 *   is itself a holiday (then only its weekend day off moves, e.g. 3 Jan → 9 Jan 2026).
 * - Shortened days (art. 95: one hour shorter before a holiday) as the decree's calendar lists them:
 *   the rule "the day before a holiday" alone misses working Saturdays such as 2 Nov 2024.
 * - Presidential non-working days of 2020–2021 are a separate layer (PRESIDENTIAL_DAYS).
 */

export interface FederalYear {
  decree: string;
  transfers: Array<[string, string]>;
  shortened: string[];
}

/** Art. 112: non-working holidays, as MM-DD. */
export const HOLIDAYS = ['01-01', '01-02', '01-03', '01-04', '01-05', '01-06', '01-07', '01-08', '02-23', '03-08', '05-01', '05-09', '06-12', '11-04'] as const;

export const FEDERAL_YEARS: Record<number, FederalYear> = {
  2020: {
    decree: 'Постановление Правительства РФ от 10.07.2019 № 875',
    transfers: [
      ['2020-01-04', '2020-05-04'],
      ['2020-01-05', '2020-05-05'],
    ],
    shortened: ['2020-04-30', '2020-05-08', '2020-06-11', '2020-11-03', '2020-12-31'],
  },
  2021: {
    decree: 'Постановление Правительства РФ от 10.10.2020 № 1648',
    transfers: [
      ['2021-01-02', '2021-11-05'],
      ['2021-01-03', '2021-12-31'],
      ['2021-02-20', '2021-02-22'],
    ],
    shortened: ['2021-02-20', '2021-04-30', '2021-06-11', '2021-11-03'],
  },
  2022: {
    decree: 'Постановление Правительства РФ от 16.09.2021 № 1564',
    transfers: [
      ['2022-01-01', '2022-05-03'],
      ['2022-01-02', '2022-05-10'],
      ['2022-03-05', '2022-03-07'],
    ],
    shortened: ['2022-02-22', '2022-03-05', '2022-11-03'],
  },
  2023: {
    decree: 'Постановление Правительства РФ от 29.08.2022 № 1505',
    transfers: [
      ['2023-01-01', '2023-02-24'],
      ['2023-01-08', '2023-05-08'],
    ],
    shortened: ['2023-02-22', '2023-03-07', '2023-11-03'],
  },
  2024: {
    decree: 'Постановление Правительства РФ от 10.08.2023 № 1314',
    transfers: [
      ['2024-01-06', '2024-05-10'],
      ['2024-01-07', '2024-12-31'],
      ['2024-04-27', '2024-04-29'],
      ['2024-11-02', '2024-04-30'],
      ['2024-12-28', '2024-12-30'],
    ],
    shortened: ['2024-02-22', '2024-03-07', '2024-05-08', '2024-06-11', '2024-11-02'],
  },
  2025: {
    decree: 'Постановление Правительства РФ от 04.10.2024 № 1335',
    transfers: [
      ['2025-01-04', '2025-05-02'],
      ['2025-01-05', '2025-12-31'],
      ['2025-02-23', '2025-05-08'],
      ['2025-03-08', '2025-06-13'],
      ['2025-11-01', '2025-11-03'],
    ],
    shortened: ['2025-03-07', '2025-04-30', '2025-06-11', '2025-11-01'],
  },
  2026: {
    decree: 'Постановление Правительства РФ от 24.09.2025 № 1466',
    transfers: [
      ['2026-01-03', '2026-01-09'],
      ['2026-01-04', '2026-12-31'],
    ],
    shortened: ['2026-04-30', '2026-05-08', '2026-06-11', '2026-11-03'],
  },
  2027: {
    decree: 'Постановление Правительства РФ от 17.09.2026 № 1187',
    transfers: [
      ['2027-01-02', '2027-11-05'],
      ['2027-01-03', '2027-12-31'],
      ['2027-02-20', '2027-02-22'],
    ],
    shortened: ['2027-02-20', '2027-04-30', '2027-06-11', '2027-11-03'],
  },
};

/** Presidential non-working days (not holidays under art. 112): a switchable layer. */
export const PRESIDENTIAL_DAYS: Array<{ decree: string; from: string; to: string }> = [
  { decree: 'Указ Президента РФ от 25.03.2020 № 206', from: '2020-03-30', to: '2020-04-03' },
  { decree: 'Указ Президента РФ от 02.04.2020 № 239', from: '2020-04-04', to: '2020-04-30' },
  { decree: 'Указ Президента РФ от 28.04.2020 № 294', from: '2020-05-06', to: '2020-05-08' },
  { decree: 'Указ Президента РФ от 29.05.2020 № 345', from: '2020-06-24', to: '2020-06-24' },
  { decree: 'Указ Президента РФ от 01.06.2020 № 354', from: '2020-07-01', to: '2020-07-01' },
  { decree: 'Указ Президента РФ от 23.04.2021 № 242', from: '2021-05-04', to: '2021-05-07' },
  { decree: 'Указ Президента РФ от 20.10.2021 № 595', from: '2021-10-30', to: '2021-11-07' },
];
