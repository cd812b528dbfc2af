/**
 * The figures of issue 20 over a labelled file of test/fixtures/lint: span recall of clichés and
 * jargon, the share of wrong cliché findings, the screener's accuracy, its recall per ground and
 * its false flags on hard negatives. Shared by gold.test.ts and the report script.
 */
import { readFileSync } from 'node:fs';
import { checkDraft, screenIncoming, type Finding } from '@/lib/lint';

export interface Row {
  labels: Set<string>;
  text: string;
  /** Reply spans ([category, start, end]); undefined in rows labelled per document only. */
  spans?: Array<[string, number, number]>;
  /** Post rows: the kind of a hard negative («criticism», «reported»…), or ''. */
  kind: string;
}

export function load(name: string): Row[] {
  return readFileSync(`test/fixtures/lint/${name}`, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => {
      const [labels = '-', text = '', third] = l.split('\t');
      const row: Row = { labels: new Set(labels === '-' ? [] : labels.split('')), text, kind: '' };
      if (third?.startsWith('hard:')) row.kind = third.slice(5);
      else if (third !== undefined && third !== '' && name.startsWith('replies')) {
        row.spans = [];
        let from = 0;
        for (const part of third.split('|')) {
          const colon = part.indexOf(':');
          const phrase = part.slice(colon + 1);
          let at = text.indexOf(phrase, from);
          if (at < 0) at = text.indexOf(phrase);
          if (at < 0) throw new Error(`${name}: span «${phrase}» not in «${text}»`);
          row.spans.push([part.slice(0, colon), at, at + phrase.length]);
          from = at;
        }
      } else if (third === '' && name.startsWith('replies')) row.spans = [];
      return row;
    });
}

const overlaps = (a: [number, number], b: [number, number]) => a[0] < b[1] && b[0] < a[1];

export interface ReplyFigures {
  rows: number;
  clicheSpans: number;
  clicheRecall: number;
  clicheFindings: number;
  clicheWrongShare: number;
  jargonSpans: number;
  jargonRecall: number;
  jargonWrongShare: number;
  /** Document level, over all rows (old rows have no spans). */
  doc: Record<string, { precision: number; recall: number }>;
  missedCliches: string[];
  wrongCliches: string[];
  missedJargon: string[];
  wrongJargon: string[];
}

export function replyFigures(rows: Row[]): ReplyFigures {
  let kSpans = 0,
    kHit = 0,
    kFind = 0,
    kWrong = 0,
    jSpans = 0,
    jHit = 0,
    jFind = 0,
    jWrong = 0;
  const missedCliches: string[] = [];
  const wrongCliches: string[] = [];
  const missedJargon: string[] = [];
  const wrongJargon: string[] = [];
  const doc: Record<string, { tp: number; fp: number; fn: number }> = {};
  const docPredict: Record<string, (r: ReturnType<typeof checkDraft>) => boolean> = {
    K: (r) => r.counts.cliche > 0,
    J: (r) => r.counts.jargon > 0,
    D: (r) => r.checklist.date,
    C: (r) => r.checklist.contact,
    M: (r) => r.checklist.measures,
  };
  for (const row of rows) {
    const report = checkDraft(row.text);
    for (const [label, predict] of Object.entries(docPredict)) {
      const d = (doc[label] ??= { tp: 0, fp: 0, fn: 0 });
      const p = predict(report);
      const e = row.labels.has(label);
      if (p && e) d.tp++;
      else if (p) d.fp++;
      else if (e) d.fn++;
    }
    if (!row.spans) continue;
    const of = (cat: Finding['category']) => report.findings.filter((f) => f.category === cat).map((f) => [f.start, f.end] as [number, number]);
    const cl = of('cliche');
    const jg = of('jargon');
    for (const [cat, s, e] of row.spans) {
      const hit = (cat === 'K' ? cl : jg).some((f) => overlaps(f, [s, e]));
      if (cat === 'K') {
        kSpans++;
        if (hit) kHit++;
        else missedCliches.push(row.text.slice(s, e));
      } else if (cat === 'J') {
        jSpans++;
        if (hit) jHit++;
        else missedJargon.push(row.text.slice(s, e));
      }
    }
    for (const f of cl) {
      kFind++;
      if (!row.spans.some(([c, s, e]) => c === 'K' && overlaps(f, [s, e]))) {
        kWrong++;
        wrongCliches.push(row.text.slice(f[0], f[1]));
      }
    }
    for (const f of jg) {
      jFind++;
      if (!row.spans.some(([c, s, e]) => c === 'J' && overlaps(f, [s, e]))) {
        jWrong++;
        wrongJargon.push(row.text.slice(f[0], f[1]));
      }
    }
  }
  return {
    rows: rows.length,
    clicheSpans: kSpans,
    clicheRecall: kHit / Math.max(1, kSpans),
    clicheFindings: kFind,
    clicheWrongShare: kWrong / Math.max(1, kFind),
    jargonSpans: jSpans,
    jargonRecall: jHit / Math.max(1, jSpans),
    jargonWrongShare: jWrong / Math.max(1, jFind),
    doc: Object.fromEntries(Object.entries(doc).map(([k, d]) => [k, { precision: d.tp / Math.max(1, d.tp + d.fp), recall: d.tp / Math.max(1, d.tp + d.fn) }])),
    missedCliches,
    wrongCliches,
    missedJargon,
    wrongJargon,
  };
}

export const GROUND_RULE: Record<string, string> = { O: 'forbidden.obscenity', I: 'forbidden.insult', T: 'forbidden.threat', H: 'forbidden.harm' };

export interface PostFigures {
  rows: number;
  accuracy: number;
  notProcessableRecall: number;
  /** Per ground: recall of "not processable", and of the finding naming that ground. */
  grounds: Record<string, { n: number; recall: number; groundRecall: number }>;
  hardNegatives: number;
  hardFalseFlags: number;
  /** Processable posts flagged not processable (all, hard or not). */
  falseFlags: string[];
  misses: string[];
}

export function postFigures(rows: Row[]): PostFigures {
  let correct = 0,
    positives = 0,
    caught = 0,
    hard = 0,
    hardFlagged = 0;
  const grounds: Record<string, { n: number; hit: number; ground: number }> = {};
  const falseFlags: string[] = [];
  const misses: string[] = [];
  for (const row of rows) {
    const screen = screenIncoming(row.text);
    const expected = row.labels.size > 0;
    const flagged = !screen.processable;
    if (expected === flagged) correct++;
    if (expected) {
      positives++;
      if (flagged) caught++;
      else misses.push(`${[...row.labels].join('')} ${row.text}`);
      for (const g of row.labels) {
        const s = (grounds[g] ??= { n: 0, hit: 0, ground: 0 });
        s.n++;
        if (flagged) s.hit++;
        if (screen.findings.some((f) => f.ruleId === GROUND_RULE[g] && f.severity === 'error')) s.ground++;
      }
    } else if (flagged) falseFlags.push(`${row.kind || 'plain'}: ${row.text}`);
    if (!expected && row.kind) {
      hard++;
      if (flagged) hardFlagged++;
    }
  }
  return {
    rows: rows.length,
    accuracy: correct / Math.max(1, rows.length),
    notProcessableRecall: caught / Math.max(1, positives),
    grounds: Object.fromEntries(Object.entries(grounds).map(([g, s]) => [g, { n: s.n, recall: s.hit / s.n, groundRecall: s.ground / s.n }])),
    hardNegatives: hard,
    hardFalseFlags: hardFlagged / Math.max(1, hard),
    falseFlags,
    misses,
  };
}

const f2 = (x: number) => x.toFixed(2);

export function describeReplies(name: string, r: ReplyFigures): string {
  const doc = Object.entries(r.doc)
    .map(([k, d]) => `${k} P${f2(d.precision)}/R${f2(d.recall)}`)
    .join(', ');
  return (
    `${name} (${r.rows} answers): cliché recall ${f2(r.clicheRecall)} of ${r.clicheSpans} spans, wrong ${f2(r.clicheWrongShare)} of ${r.clicheFindings} findings; ` +
    `jargon recall ${f2(r.jargonRecall)} of ${r.jargonSpans}, wrong ${f2(r.jargonWrongShare)}; document level ${doc}`
  );
}

export function describePosts(name: string, p: PostFigures): string {
  const g = Object.entries(p.grounds)
    .map(([k, s]) => `${k} ${f2(s.recall)} (${Math.round(s.recall * s.n)}/${s.n}, ground named ${f2(s.groundRecall)})`)
    .join(', ');
  return (
    `${name} (${p.rows} posts): accuracy ${f2(p.accuracy)}, not-processable recall ${f2(p.notProcessableRecall)} [${g}], ` +
    `hard-negative false flags ${f2(p.hardFalseFlags)} of ${p.hardNegatives}`
  );
}
