/**
 * Patterns that cannot backtrack badly. JavaScript has no atomic groups or possessive
 * quantifiers, so `(?>X)` in a pattern written here is expanded to `(?=(X))\N`: the lookahead
 * takes the longest X once and the backreference consumes exactly that, never giving any of it
 * back. Use it for a run whose next token can never be part of the run (`(?>\s+)` before a
 * digit or a letter), which is exactly when it changes nothing but the running time.
 *
 * Every pattern of the checker and the screener keeps these rules (test/unit/lint/adversarial.test.ts
 * holds each to linear time on 50,000 characters):
 * - a pattern tried at every position starts with a lookbehind that lets it start only at the
 *   beginning of a run (`(?<!\p{L})` before a word, `(?<![\p{L}\d._%+-])` before an e-mail), so
 *   a long run is scanned once, not once per position;
 * - no two adjacent quantified parts that can take the same characters (`\s*:?\s*` becomes
 *   `(?>\s*)(?::(?>\s*))?`);
 * - a quantified tail that only decides whether there is a match is cut to its minimum
 *   (`\p{L}{2,}` → `\p{L}{2}`, `телефон\p{L}*` at the end → `телефон`): the patterns are only
 *   ever tested, never used for their spans;
 * - patterns applied to one word are anchored (`^…`) and bounded.
 */
export function linearRegExp(source: string, flags = 'u'): RegExp {
  if (/\((?!\?)/.test(source.replace(/\\./g, '').replace(/\[[^\]]*\]/g, '')))
    throw new Error(`linearRegExp: capturing groups are reserved for (?>…): ${source}`);
  let group = 0;
  const expanded = source.replace(/\(\?>((?:\\.|\[(?:\\.|[^\]\\])*\]|[^()\\[])*)\)/g, (_, body: string) => {
    group += 1;
    return `(?=(${body}))\\${group}`;
  });
  if (expanded.includes('(?>')) throw new Error(`linearRegExp: (?>…) may not nest groups: ${source}`);
  return new RegExp(expanded, flags);
}
