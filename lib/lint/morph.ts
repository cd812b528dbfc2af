/**
 * Word classes of officialese read off a word's ending: Russian derives them productively
 * (-ние/-ция verbal nouns, -н/-т short passive participles, -ся reflexive passives), so a class
 * is a few suffixes over the inflected forms rather than a list of words. Each test reads only
 * the last letters of a lowercased word (constant time).
 *
 * A stemmer was measured for this (issue 20) and not taken: Snowball's Russian stemmer
 * (snowball-stemmers 0.6.0: one 868 kB bundle of every language, 60 kB gzip; @nlpjs/lang-ru has
 * the same algorithm) costs about 2.3 µs a word in Node 20, 0.35 ms for a 1,000-character draft
 * on its own, and gives a stem, not a class: «проведение» and «проведено» stem to «проведен» and
 * «провед», neither saying "verbal noun" or "passive". The classes below say it in a few endings.
 */

/** Verbal nouns: -ание/-ение/-тие/-ция in every case and number («проведению», «устранений»). */
const VERBAL_NOUN = /(?:[аеяи]ни|[ауыо]ти|ци)(?:е|я|ю|ем|ей|и|й|ям|ями|ях)$/u;
/** Their last letters: enough for VERBAL_NOUN (constant time on long words). */
const TAIL = 6;
/**
 * -ние/-тие/-ция nouns that name a thing, a body or a document rather than an action: a chain
 * through them is no officialese («здание школы», «отделение полиции», «заявление о выплате»).
 */
const CONCRETE =
  /^(?:евгени|арсени|ксени|есени|здани|помещени|учреждени|предприяти|населени|отделени|собрани|заявлени|растени|обращени|решени|постановлени|распоряжени|положени|значени|мнени|внимани|отношени|сообщени|предложени|задани|строени|сооружени|образовани|здравоохранени|управлени|движени|освещени|отоплени|водоснабжени|электроснабжени|газоснабжени|теплоснабжени|водоотведени|покрыти|покрыт|общежити|поколени|имени|времени|семени|знани|желани|состояни|расстояни|свидетельств|министерств|администраци|организаци|станци|позици|инспекци|комисси|полици|больниц|редакци|категори|территори|линии|лини|акци|пенси|компенсаци|субсиди|информаци|ситуаци|функци|операци|инструкци|конструкци|канализаци|документаци|санитари|колони|партии|парти|лицензи|студи|терапи|хирурги|профилактик)/u;

export function isVerbalNoun(word: string): boolean {
  if (word.length < 6) return false;
  return VERBAL_NOUN.test(word.slice(-TAIL)) && !CONCRETE.test(word);
}

/**
 * Nouns of work and measures that officialese strings into chains and splits predicates with
 * («работы по ремонту», «проведена проверка», «принять меры»): stems, any ending.
 */
const ACTION_NOUN =
  /^(?:вопрос|участи|работ|ремонт|замен|проверк|уборк|очистк|подготовк|установк|поставк|доставк|вывоз|выезд|выход|контрол|отсыпк|обработк|разработк|закупк|перевозк|выдач|оплат|выплат|помощ|поддержк|содействи|мер$|меры|мерам|мерами|осмотр|обход|обследовани|мероприяти|расчет|перерасчет|прием|покос|спил|снос|демонтаж|монтаж|ликвидаци|промывк|опрессовк|дератизаци|дезинсекци|реконструкци|модернизаци|эксплуатаци|реализаци|организаци(?=[июей]$)|устранени|проведени|выполнени|осуществлени|обеспечени|предоставлени|оказани|рассмотрени|принятие|принятия|принятию|принятием|принятии|восстановлени|содержани|размещени|включени|исполнени|информировани|начислени|погашени|формировани|финансировани|поступлени|выделени|присвоени|получени|оформлени|заключени|проектировани|строительств|благоустройств|обустройств|устройств)/u;

export function isActionNoun(word: string): boolean {
  return isVerbalNoun(word) || ACTION_NOUN.test(word);
}

/**
 * Light verbs: the verb of a split predicate, which carries no meaning of its own and needs an
 * action noun beside it («осуществляется контроль», «проведена проверка», «даны разъяснения»).
 * Stems with the forms that officialese uses: present, past, passive participles, infinitive.
 */
const LIGHT_VERB =
  /^(?:осуществ|производ(?!ств)|произвед|произвел|провод(?!к|ник)|провед|провел|выполн(?!ени)|оказ(?!ани)|оказыва|принима|прин(?:ят|ял|ять|им|яв)|вед(?:ет|ут|ется|утся|ется)|ведут|организов|организу|обеспеч(?!ени)|уделен|удел(?:ено|ил|яется|яем)|внес(?:ен|ены|ли|ти)|дан(?:ы|о|а)?$|даются|дается|выдан|выда(?:ется|ются|но|ны|на)|составлен(?!и)|предприн|предпринят|направлен(?!и)|направля|планиру|запланирован|намечен|предусмотрен|предусматрива|возлож)/u;

export function isLightVerb(word: string): boolean {
  return LIGHT_VERB.test(word);
}

/** Forms of «быть» that make a passive with a short participle («было проведено», «будут выполнены»). */
const BE = /^(?:был|была|было|были|будет|будут)$/u;
export function isBe(word: string): boolean {
  return BE.test(word);
}

/**
 * A short passive participle: -ен/-ён/-ан/-ян/-т with a gender or number ending («проведено»,
 * «выполнены», «рассмотрен», «принято», «взята»). Adjectives of the same shape («должно»,
 * «видно», «сложно») end otherwise; the few that do not are listed.
 */
const SHORT_PASSIVE = /(?:[еёая]н|[иыуояа]т)[аоы]?$/u;
const NOT_PARTICIPLE =
  /^(?:один|одна|одно|одни|должен|должна|должно|должны|согласен|согласна|согласны|нужен|нужна|нужны|виден|видна|видно|видны|болен|больна|больны|рад|рада|рады|готов|готова|готово|готовы|способен|способна|уверен|уверена|уверены|обязан|обязана|обязаны|вправе|лишен|лишена|там|план|этан|закон|сезон|район|регион|вагон|кран|экран|фонтан|баран|стакан|роман|карман|океан|шпион|миллион|пенсион|состоит|стоит|будет|может|хочет|идет|живет|дает)$/u;

export function isShortPassive(word: string): boolean {
  if (word.length < 5) return /^дан[аоы]?$/u.test(word);
  return SHORT_PASSIVE.test(word.slice(-4)) && !NOT_PARTICIPLE.test(word);
}

/** Prepositions that tie the nouns of a chain («работы по устранению», «о проведении обследования»). */
const CHAIN_LINK = /^(?:по|о|об|для|на|к)$/u;
export function isChainLink(word: string): boolean {
  return CHAIN_LINK.test(word);
}

/** Adjectives and participles in the genitive, dative or instrumental that sit inside a chain. */
const OBLIQUE_ADJECTIVE = /(?:ого|его|ому|ему|ых|их|ой|ей|ым|им|ыми|ими)$/u;
export function isObliqueAdjective(word: string): boolean {
  return word.length >= 4 && OBLIQUE_ADJECTIVE.test(word.slice(-3));
}

/** The class tests by name, for the adversarial tests (each is tested on one word). */
export const MORPH_PATTERNS: Readonly<Record<string, RegExp>> = {
  'morph.verbal-noun': VERBAL_NOUN,
  'morph.concrete': CONCRETE,
  'morph.action-noun': ACTION_NOUN,
  'morph.light-verb': LIGHT_VERB,
  'morph.be': BE,
  'morph.short-passive': SHORT_PASSIVE,
  'morph.not-participle': NOT_PARTICIPLE,
  'morph.chain-link': CHAIN_LINK,
  'morph.oblique-adjective': OBLIQUE_ADJECTIVE,
};
