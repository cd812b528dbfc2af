import { describe, expect, it } from 'vitest';
import { safeQueryAll, selectorParts } from '@/lib/sites/dom';
import { parseHtml } from '../../helpers/fixtures';

describe('selectorParts', () => {
  it('splits a list at top-level commas only', () => {
    expect(selectorParts('a.b, [data-x="1,2"] > i , div:not(.c, .d), :is(p, q) span')).toEqual([
      'a.b',
      '[data-x="1,2"] > i',
      'div:not(.c, .d)',
      ':is(p, q) span',
    ]);
    expect(selectorParts("[title='a, b']")).toEqual(["[title='a, b']"]);
    expect(selectorParts('  .single  ')).toEqual(['.single']);
  });
});

describe('safeQueryAll over a whole document (one query per selector of a list)', () => {
  const doc = parseHtml(`<body>
    <div class="a" id="x1"><span class="b" id="x2"></span><p class="a b" id="x3"></p></div>
    <section class="b" id="x4"><i class="a" id="x5"></i></section>
  </body>`);
  const ids = (list: Element[]) => list.map((el) => el.id);

  it('gives what the list as one query gives: document order, each element once', () => {
    for (const list of ['.a, .b', '.b, .a', 'i, .a, #x2, section', 'p.b, .a.b, div > .b'])
      expect(ids(safeQueryAll(doc, list))).toEqual(ids(Array.from(doc.querySelectorAll(list))));
    expect(ids(safeQueryAll(doc, '.a, .b'))).toEqual(['x1', 'x2', 'x3', 'x4', 'x5']);
  });

  it('skips a selector this engine does not know and keeps the rest of the list', () => {
    expect(ids(safeQueryAll(doc, '.b, div::-moz-nonsense(, .a'))).toEqual(['x2', 'x3', 'x4']);
    expect(ids(safeQueryAll(doc, 'p:unknown-pseudo, i'))).toEqual(['x5']);
    // Inside an element (an added node) a list is one query, as before: an unknown part spoils it.
    expect(safeQueryAll(doc.body, 'p:unknown-pseudo, i')).toEqual([]);
  });
});
