/**
 * Finding a body or a person of the directory from what a curator types: the id, the full name,
 * a part of it, or the abbreviation officials use («Минтранс», «Минздрав», «ЖКХ»). Pure and
 * small (the content script's capture form uses it).
 */

export interface DirectoryEntry {
  id: string;
  name: string;
}

const norm = (s: string) => s.toLowerCase().replace(/ё/g, 'е').replace(/й/g, 'и');
const wordsOf = (name: string) =>
  norm(name)
    .split(/[^a-zа-я0-9]+/u)
    .filter(Boolean);

/**
 * Whether `query` (no spaces) reads as pieces of the name's words in order, each piece the
 * beginning of a word (words may be skipped): «минтранс» = мин(истерство) + транс(порта).
 */
function isAbbreviation(query: string, words: readonly string[]): boolean {
  const seen = new Set<string>();
  const fits = (i: number, j: number): boolean => {
    if (i === query.length) return true;
    const key = `${i}|${j}`;
    if (seen.has(key)) return false;
    seen.add(key);
    for (let w = j; w < words.length; w++) {
      const word = words[w]!;
      for (let len = Math.min(word.length, query.length - i); len >= 1; len--) {
        // Pieces of two letters or more; a single last letter only after another piece.
        if (len === 1 && !(i > 0 && i + 1 === query.length)) continue;
        if (word.startsWith(query.slice(i, i + len)) && fits(i + len, w + 1)) return true;
      }
    }
    return false;
  };
  return query.length >= 2 && fits(0, 0);
}

/** How well an entry matches: 3 exact (id or name), 2 abbreviation, 1 part of the name, 0 none. */
export function matchScore(entry: DirectoryEntry, text: string): number {
  const q = norm(text.trim());
  if (!q) return 0;
  if (norm(entry.id) === q || norm(entry.name) === q) return 3;
  const compact = q.replace(/[^a-zа-я0-9]+/gu, '');
  if (compact.length >= 2 && isAbbreviation(compact, wordsOf(entry.name))) return 2;
  if (q.length >= 3 && norm(entry.name).includes(q)) return 1;
  return 0;
}

/** The entries that match best (several when the text is ambiguous), best first. */
export function matchDirectory<T extends DirectoryEntry>(entries: readonly T[], text: string): T[] {
  let best = 0;
  let found: T[] = [];
  for (const e of entries) {
    const score = matchScore(e, text);
    if (score > best) {
      best = score;
      found = [e];
    } else if (score === best && score > 0) found.push(e);
  }
  return found;
}

/** The one entry the text means, or undefined (none, or several). */
export function resolveEntry<T extends DirectoryEntry>(entries: readonly T[], text: string): T | undefined {
  const found = matchDirectory(entries, text);
  return found.length === 1 ? found[0] : undefined;
}
