/**
 * How a scan finds the fields of its items: inside each item (`directPicker`, cheap for the
 * few items of an added node), or once per selector over the whole document with each hit
 * handed to the item that owns it (`batchPicker`: one pass for a page of 2,000 items instead
 * of a query per item and field). Both give the same result: the first candidate, in priority
 * order, with an element the item owns, and the first such element in document order.
 */
import type { Candidate } from '../types';
import { firstMatch, queryAllLike, safeQueryAll, type Match } from './query';
import type { Trace } from './tracer';

/** Maps an element's place (see batchPicker) to the item root that owns it, or null. */
export type Owner = (place: Element | null) => Element | null;

export interface Picker {
  first(root: Element, kind: string, field: string, candidates: readonly Candidate[], own: (el: Element) => boolean, owner: Owner, trace?: Trace): Match | null;
  all(root: Element, kind: string, field: string, selector: string, own: (el: Element) => boolean, owner: Owner): Element[];
}

export const directPicker: Picker = {
  first: (root, _kind, _field, candidates, own, _owner, trace) => firstMatch(root, candidates, own, trace),
  all: (root, _kind, _field, selector, own) => safeQueryAll(root, selector).filter(own),
};

/**
 * A picker over a whole document; `expected` is how many roots of each kind there are.
 * `locate` gives an element's place, computed once per element and scan whatever the kinds
 * asking (e.g. the nearest root around it); the owner functions then map a place to its
 * owner. Without it, the place is the element itself.
 */
export function batchPicker(scope: ParentNode, expected: Record<string, number>, locate?: (el: Element) => Element | null): Picker {
  const firsts = new Map<string, Map<string, Map<Element, Match>>>();
  const alls = new Map<string, Map<string, Map<Element, Element[]>>>();
  // Posts and comments share selectors (dates, media): each is queried, and each hit placed, once.
  const scans = new Map<string, { list: ArrayLike<Element>; places: ArrayLike<Element | null> }>();
  const scan = (selector: string) => {
    let found = scans.get(selector);
    if (!found) {
      const list = queryAllLike(scope, selector);
      let places: ArrayLike<Element | null> = list;
      if (locate) {
        const located = new Array<Element | null>(list.length);
        for (let i = 0; i < list.length; i++) located[i] = locate(list[i]!);
        places = located;
      }
      scans.set(selector, (found = { list, places }));
    }
    return found;
  };
  /** One table per kind and field, filled when first asked for (keyed by the constant names: no key string per call). */
  const tableOf = <V>(
    tables: Map<string, Map<string, Map<Element, V>>>,
    kind: string,
    field: string,
    fill: (table: Map<Element, V>) => void,
  ): Map<Element, V> => {
    let byField = tables.get(kind);
    if (!byField) tables.set(kind, (byField = new Map()));
    let table = byField.get(field);
    if (!table) {
      byField.set(field, (table = new Map()));
      fill(table);
    }
    return table;
  };
  return {
    first(root, kind, field, candidates, _own, owner, trace) {
      const map = tableOf(firsts, kind, field, (table) => {
        const want = expected[kind] ?? Infinity;
        for (let index = 0; index < candidates.length && table.size < want; index++) {
          const candidate = candidates[index]!;
          const { list, places } = scan(candidate.selector);
          for (let i = 0; i < list.length; i++) {
            const o = owner(places[i]!);
            if (o && !table.has(o)) table.set(o, { element: list[i]!, candidate, index });
          }
        }
      });
      const found = map.get(root) ?? null;
      if (trace) {
        if (found) trace.tracer.hit(trace.field, found.index);
        else trace.tracer.miss(trace.field);
      }
      return found;
    },
    all(root, kind, field, selector, _own, owner) {
      const map = tableOf(alls, kind, field, (table) => {
        const { list, places } = scan(selector);
        for (let i = 0; i < list.length; i++) {
          const o = owner(places[i]!);
          if (!o) continue;
          const element = list[i]!;
          const owned = table.get(o);
          if (owned) owned.push(element);
          else table.set(o, [element]);
        }
      });
      return map.get(root) ?? [];
    },
  };
}
