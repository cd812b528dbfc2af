/**
 * Officialese by class, not by phrase (issue 20): split predicates («осуществляется контроль»,
 * «проведена проверка»), the passive with «быть» («было проведено», «будут выполнены») and chains
 * of action nouns («проведение работ по устранению»). Each reads the word classes of morph.ts over
 * the tokens of one sentence, so it matches phrasings no list holds, in any inflected form.
 * Linear: each token starts at most one look a few tokens ahead or behind.
 */
import type { Token } from './lexicon';
import { isActionNoun, isBe, isChainLink, isLightVerb, isObliqueAdjective, isShortPassive, isVerbalNoun } from './morph';
import type { LexicalRule } from './types';

export interface ClassHit {
  rule: LexicalRule;
  startToken: number;
  endToken: number;
}

export const CLASS_RULES = {
  splitPredicate: {
    id: 'cliche.class.split-predicate',
    category: 'cliche',
    pattern: '(class: light verb + action noun)',
    message: 'Расщеплённое сказуемое: скажите глаголом',
    suggestion: 'проверили; отремонтируем; вывезли (кто и что сделал)',
    weight: 2,
  },
  passive: {
    id: 'cliche.class.passive',
    category: 'cliche',
    pattern: '(class: быть + short passive participle)',
    message: 'Пассив: скажите, кто сделал',
    suggestion: 'мы провели; подрядчик выполнил',
    weight: 2,
  },
  nounChain: {
    id: 'cliche.class.noun-chain',
    category: 'cliche',
    pattern: '(class: action noun + по/о/для + action noun)',
    message: 'Цепочка отглагольных существительных: скажите глаголом',
    suggestion: 'устраним; отремонтируем (что и когда)',
    weight: 2,
  },
  nominal: {
    id: 'cliche.class.nominal-start',
    category: 'cliche',
    pattern: '(class: a sentence opened by a verbal noun)',
    message: 'Фраза начинается с отглагольного существительного: начните с того, кто что делает',
    suggestion: 'Мы проводим…; Управляющая компания содержит…',
    weight: 1,
  },
} as const satisfies Record<string, LexicalRule>;

/** Words of the same sentence a class may look across. */
const REACH = 3;

const reflexiveOrPassive = (w: string) => w.endsWith('ся') || w.endsWith('сь') || isShortPassive(w);

export function matchClasses(tokens: Token[], enabled: (rule: LexicalRule) => boolean): ClassHit[] {
  const hits: ClassHit[] = [];
  const split = enabled(CLASS_RULES.splitPredicate);
  const passive = enabled(CLASS_RULES.passive);
  const chain = enabled(CLASS_RULES.nounChain);
  const nominal = enabled(CLASS_RULES.nominal);
  const n = tokens.length;
  const same = (i: number, j: number) => j >= 0 && j < n && tokens[j]!.sentence === tokens[i]!.sentence;
  let chainEnd = -1;
  for (let i = 0; i < n; i++) {
    const w = tokens[i]!.norm;
    // «Содержание автомобильных дорог…», «Обеспечение лекарствами…»: the sentence opens with a verbal noun.
    if (nominal && (i === 0 || tokens[i - 1]!.sentence !== tokens[i]!.sentence) && isVerbalNoun(w) && same(i, i + 1)) {
      const next = tokens[i + 1]!.norm;
      if (isObliqueAdjective(next) || isActionNoun(next) || next.length > 3) hits.push({ rule: CLASS_RULES.nominal, startToken: i, endToken: i + 2 });
    }
    if (passive && isBe(w)) {
      for (let j = i + 1; j <= i + 2 && same(i, j); j++) {
        if (isShortPassive(tokens[j]!.norm)) {
          hits.push({ rule: CLASS_RULES.passive, startToken: i, endToken: j + 1 });
          break;
        }
      }
    }
    if (split && isLightVerb(w)) {
      let found = false;
      for (let j = i + 1; j <= i + REACH && same(i, j); j++) {
        const t = tokens[j]!.norm;
        if (isActionNoun(t)) {
          hits.push({ rule: CLASS_RULES.splitPredicate, startToken: i, endToken: j + 1 });
          found = true;
          break;
        }
        if (!isObliqueAdjective(t) && !isChainLink(t) && t.length > 3 && !isShortPassive(t)) break;
      }
      if (!found && reflexiveOrPassive(w)) {
        for (let j = i - 1; j >= i - REACH && same(i, j); j--) {
          if (isActionNoun(tokens[j]!.norm)) {
            hits.push({ rule: CLASS_RULES.splitPredicate, startToken: j, endToken: i + 1 });
            break;
          }
        }
      }
    }
    if (chain && i > chainEnd && isActionNoun(w)) {
      // Action nouns tied by prepositions and oblique adjectives.
      let last = i;
      let nouns = 1;
      let verbal = isVerbalNoun(w) ? 1 : 0;
      let linked = false;
      for (let j = i + 1; j <= last + REACH && same(i, j); j++) {
        const t = tokens[j]!.norm;
        if (isActionNoun(t)) {
          last = j;
          nouns += 1;
          if (isVerbalNoun(t)) verbal += 1;
        } else if (isChainLink(t)) linked = true;
        else if (!isObliqueAdjective(t)) break;
      }
      // «проведение обследования», «работы по устранению»: a verbal noun, or a preposition between.
      if (nouns >= 2 && (verbal >= 1 || linked)) hits.push({ rule: CLASS_RULES.nounChain, startToken: i, endToken: last + 1 });
      // A run is read once, found or not (linear on «работы работы работы…»).
      chainEnd = last;
    }
  }
  return hits;
}
