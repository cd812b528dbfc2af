// @vitest-environment node
/**
 * The checker against our own labelled sets (test/fixtures/lint/*.tsv): precision and recall
 * per category, document level. The thresholds fail the build on a regression.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDraft, screenIncoming } from '@/lib/lint';

function load(name: string): Array<{ labels: Set<string>; text: string }> {
  return readFileSync(`test/fixtures/lint/${name}`, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => {
      const [labels, text] = l.split('\t') as [string, string];
      return { labels: new Set(labels === '-' ? [] : labels.split('')), text };
    });
}

interface Score {
  precision: number;
  recall: number;
  tp: number;
  fp: number;
  fn: number;
  misses: string[];
  falseAlarms: string[];
}
function score(items: Array<{ text: string; expected: boolean; predicted: boolean }>): Score {
  let tp = 0,
    fp = 0,
    fn = 0;
  const misses: string[] = [];
  const falseAlarms: string[] = [];
  for (const { text, expected, predicted } of items) {
    if (expected && predicted) tp++;
    else if (predicted) {
      fp++;
      falseAlarms.push(text);
    } else if (expected) {
      fn++;
      misses.push(text);
    }
  }
  return { precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn), tp, fp, fn, misses, falseAlarms };
}

const report: string[] = [];
function check(name: string, s: Score, minPrecision: number, minRecall: number) {
  report.push(`${name}: P ${s.precision.toFixed(2)} R ${s.recall.toFixed(2)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`);
  expect(s.precision, `${name} precision; false alarms: ${s.falseAlarms.join(' | ')}`).toBeGreaterThanOrEqual(minPrecision);
  expect(s.recall, `${name} recall; misses: ${s.misses.join(' | ')}`).toBeGreaterThanOrEqual(minRecall);
}

type Report = ReturnType<typeof checkDraft>;

describe('answers (test/fixtures/lint/replies.tsv)', () => {
  const set = load('replies.tsv');
  const results = set.map((item) => ({ item, report: checkDraft(item.text) }));

  it('has enough examples', () => {
    expect(set.length).toBeGreaterThanOrEqual(150);
  });

  it.each([
    ['K', 'cliché', (r: Report) => r.counts.cliche > 0, 0.9, 0.9],
    ['J', 'jargon', (r: Report) => r.counts.jargon > 0, 0.85, 0.85],
    ['D', 'date or term', (r: Report) => r.checklist.date, 0.85, 0.85],
    ['C', 'contact', (r: Report) => r.checklist.contact, 0.9, 0.9],
    ['M', 'measure', (r: Report) => r.checklist.measures, 0.8, 0.75],
  ] as const)('%s (%s) is found with the set precision and recall', (label, name, predict, minP, minR) => {
    check(
      `replies ${name}`,
      score(results.map(({ item, report: r }) => ({ text: item.text, expected: item.labels.has(label), predicted: predict(r) }))),
      minP,
      minR,
    );
  });

  it('scores officialese lower than plain answers', () => {
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const official = median(results.filter(({ item }) => item.labels.has('K')).map(({ report: r }) => r.score));
    const plain = median(results.filter(({ item }) => !item.labels.has('K') && !item.labels.has('J')).map(({ report: r }) => r.score));
    report.push(`score medians: officialese ${official}, plain ${plain}`);
    expect(official).toBeLessThanOrEqual(6);
    expect(plain).toBeGreaterThanOrEqual(9);
  });

  it('raises no forbidden content in answers', () => {
    expect(results.filter(({ report: r }) => r.counts.forbidden > 0).map(({ item }) => item.text)).toEqual([]);
  });
});

describe('incoming posts (test/fixtures/lint/posts.tsv)', () => {
  const set = load('posts.tsv');
  const results = set.map((item) => ({ item, screen: screenIncoming(item.text) }));
  const has = (screen: ReturnType<typeof screenIncoming>, id: string) => screen.findings.some((f) => f.ruleId === id && f.severity === 'error');

  it('has enough examples, with hard negatives', () => {
    expect(set.length).toBeGreaterThanOrEqual(150);
    expect(set.filter((i) => i.labels.size === 0).length).toBeGreaterThanOrEqual(80);
  });

  it.each([
    ['O', 'obscenity', 'forbidden.obscenity', 0.95, 0.9],
    ['I', 'insult', 'forbidden.insult', 0.85, 0.8],
    ['T', 'threat', 'forbidden.threat', 0.85, 0.75],
    ['H', 'harm', 'forbidden.harm', 0.8, 0.75],
  ] as const)('%s (%s) is found with the set precision and recall', (label, name, ruleId, minP, minR) => {
    check(
      `posts ${name}`,
      score(results.map(({ item, screen }) => ({ text: item.text, expected: item.labels.has(label), predicted: has(screen, ruleId) }))),
      minP,
      minR,
    );
  });

  it('tells processable posts from the rest', () => {
    const s = score(results.map(({ item, screen }) => ({ text: item.text, expected: item.labels.size > 0, predicted: !screen.processable })));
    check('posts not processable', s, 0.95, 0.9);
  });

  it('prints the metrics', () => {
    console.log(report.join('\n'));
    expect(report.length).toBeGreaterThan(0);
  });
});
