// @vitest-environment node
/**
 * Export builders: CSV (RFC 4180, UTF-8 with BOM, `;` and a decimal comma for Russian Excel) and
 * XLSX (write-excel-file), read back with read-excel-file and unzipped to check the frozen
 * header row and the column widths.
 */
import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { zip as zipSync_ } from '@/lib/reports/zip-sync';
import readXlsxFile from 'read-excel-file/node';
import { toCsv, type Table } from '@/lib/reports';
import { sheetName, toXlsx, XLSX_MIME } from '@/lib/reports/xlsx';

const ZONE = 'Asia/Yakutsk'; // UTC+9
const T = Date.UTC(2026, 10, 5, 3, 30); // 5 Nov 2026 12:30 in Yakutsk

const bodies: Table = {
  name: 'Органы',
  columns: [
    { header: 'Орган', type: 'text' },
    { header: 'Поступило', type: 'integer' },
    { header: 'В срок, %', type: 'percent' },
    { header: 'Медиана, раб. ч', type: 'hours' },
    { header: 'Дата', type: 'date' },
    { header: 'Выявлено', type: 'datetime', width: 20 },
  ],
  rows: [
    ['Министерство ЖКХ; энергетики', 12, 0.857, 2.5, T, T],
    ['=HYPERLINK("http://evil")', 0, null, undefined, null, null],
    ['Сказал "нет"\nи ушёл', 3, 1, 10.25, T, T],
  ],
};
const breaches: Table = {
  name: 'Нарушения: п. 10 [абз. 1]',
  columns: [
    { header: 'Сообщение', type: 'text' },
    { header: 'Опоздание, раб. мин', type: 'number', decimals: 0 },
  ],
  rows: [['m2', 90]],
};

describe('CSV', () => {
  it('writes RFC 4180 with a BOM, semicolons, CRLF and a decimal comma; dates in the zone', () => {
    const csv = toCsv(bodies, ZONE);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Орган;Поступило;В срок, %;Медиана, раб. ч;Дата;Выявлено',
      '"Министерство ЖКХ; энергетики";12;85,7%;2,5;05.11.2026;05.11.2026 12:30',
      '"\'=HYPERLINK(""http://evil"")";0;;;;', // a formula never runs: an apostrophe first
      '"Сказал ""нет""\nи ушёл";3;100,0%;10,3;05.11.2026;05.11.2026 12:30',
      '',
    ]);
  });

  it('with commas: a decimal point, no BOM when asked', () => {
    const csv = toCsv(breaches, ZONE, { separator: ',', bom: false });
    expect(csv).toBe('Сообщение,"Опоздание, раб. мин"\r\nm2,90\r\n');
    expect(toCsv({ name: 'x', columns: [{ header: 'n', type: 'number' }], rows: [[2.5]] }, ZONE, { separator: ',' })).toBe('\uFEFFn\r\n2.50\r\n');
  });

  it('refuses a column of an unknown type; an empty table is its header', () => {
    expect(() => toCsv({ name: 'x', columns: [{ header: 'n', type: 'money' as never }], rows: [] }, ZONE)).toThrow(/bad-option/);
    expect(toCsv({ name: 'x', columns: [{ header: 'n', type: 'text' }], rows: [] }, ZONE)).toBe('\uFEFFn\r\n');
  });
});

describe('XLSX', () => {
  it('a sheet per table, real cells, read back with the same library family', async () => {
    const blob = await toXlsx([bodies, breaches], ZONE);
    expect(blob.type).toBe(XLSX_MIME);
    const buffer = Buffer.from(await blob.arrayBuffer());
    const sheets = await readXlsxFile(buffer);
    expect(sheets.map((s) => s.sheet)).toEqual(['Органы', 'Нарушения  п. 10  абз. 1']);
    const rows = sheets[0]!.data;
    expect(rows[0]).toEqual(['Орган', 'Поступило', 'В срок, %', 'Медиана, раб. ч', 'Дата', 'Выявлено']);
    expect(rows[1]![0]).toBe('Министерство ЖКХ; энергетики');
    expect(rows[1]![1]).toBe(12); // a number cell
    expect(rows[1]![2]).toBeCloseTo(0.857, 10); // a percent cell holds the share
    expect(rows[1]![3]).toBe(2.5);
    // A date cell holds the local wall time (12:30 in Yakutsk), read back as that time in UTC
    // (an Excel serial number is a fraction of days: to the second).
    const second = (v: unknown) => Math.round((v as Date).getTime() / 1000) * 1000;
    expect(rows[1]![4]).toBeInstanceOf(Date);
    expect(second(rows[1]![4])).toBe(Date.UTC(2026, 10, 5, 12, 30));
    expect(second(rows[1]![5])).toBe(Date.UTC(2026, 10, 5, 12, 30));
    expect(rows[2]![0]).toBe('=HYPERLINK("http://evil")'); // text, not a formula
    expect(rows[2]!.slice(2)).toEqual([null, null, null, null]);
    expect(sheets[1]!.data).toEqual([
      ['Сообщение', 'Опоздание, раб. мин'],
      ['m2', 90],
    ]);

    // Frozen header row, column widths, formats: in the sheet's XML.
    const files = unzipSync(new Uint8Array(buffer));
    const sheet1 = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet1).toMatch(/<pane[^>]*ySplit="1"[^>]*state="frozen"/);
    expect(sheet1).toMatch(/<col [^>]*min="6"[^>]*max="6"[^>]*width="20/);
    expect(sheet1).not.toContain('<f>'); // no formula cells
    const styles = strFromU8(files['xl/styles.xml']!);
    for (const code of ['0.0%', 'dd.mm.yyyy', 'dd.mm.yyyy hh:mm', '0.0']) expect(styles).toContain(`formatCode="${code}"`);
  });

  it('sheet names: at most 31 characters, no forbidden ones, unique', () => {
    const taken = new Set<string>();
    expect(sheetName('Органы', taken)).toBe('Органы');
    expect(sheetName('органы', taken)).toBe('органы 2');
    expect(sheetName('a'.repeat(40), taken)).toHaveLength(31);
    expect(sheetName('', taken)).toBe('Sheet');
  });

  it('refuses no tables', () => {
    expect(() => toXlsx([], ZONE)).toThrow(/bad-option/);
  });
});

describe('fflate without Workers (lib/reports/zip-sync.ts, for the extension build)', () => {
  it('zips large files on the calling thread, the same archive fflate reads back', async () => {
    // 400 KB of sheet XML: above fflate's 160 KB threshold for a Worker.
    const big = strToU8(`<sheetData>${'<row><c t="inlineStr"><is><t>Отопление</t></is></c></row>'.repeat(6000)}</sheetData>`);
    expect(big.length).toBeGreaterThan(160_000);
    const archive = await new Promise<Uint8Array>((resolve, reject) =>
      zipSync_({ 'xl/worksheets/sheet1.xml': big, 'a.txt': strToU8('a') }, (e, d) => (e ? reject(e) : resolve(d))),
    );
    const files = unzipSync(archive);
    expect(strFromU8(files['xl/worksheets/sheet1.xml']!)).toBe(strFromU8(big));
    expect(strFromU8(files['a.txt']!)).toBe('a');
  });

  it('a large workbook is written and read back (Node: fflate uses worker_threads here; the page uses the alias)', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [`Сообщение ${i} о ремонте дороги на улице ${i % 97}`, i, i / 5000, T + i * 60_000]);
    const table: Table = {
      name: 'Сообщения',
      columns: [
        { header: 'Текст', type: 'text' },
        { header: 'N', type: 'integer' },
        { header: 'Доля', type: 'percent' },
        { header: 'Выявлено', type: 'datetime' },
      ],
      rows,
    };
    const blob = await toXlsx([table], ZONE);
    const [sheet] = await readXlsxFile(Buffer.from(await blob.arrayBuffer()));
    expect(sheet!.data).toHaveLength(5001);
    expect(sheet!.data[5000]!.slice(0, 2)).toEqual(['Сообщение 4999 о ремонте дороги на улице 52', 4999]);
  });
});
