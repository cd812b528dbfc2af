/**
 * What each act says about a body's own pages, as data with its clause: the account registry,
 * the weekly publication norm, content plans and the moderation of comments. Read from the seeds
 * (../shared/seeds/): Yakutia — Указ № 1131, прил. 1; Khabarovsk — the first Положение of
 * постановление № 77-пр (об аккаунтах); Saratov — Положение, п. 4; Ivanovo — nothing on own
 * pages; Zhatay — Положение ГО «Жатай» (a municipality of Yakutia: its region's calendar).
 * Choices where the acts are silent or ambiguous are listed in README.md beside this file.
 */
import { REGIONS, type Region } from '../worktime';

/** An act: a region's (its account rules) or Zhatay's municipal Положение. */
export type ActId = Region | 'zhatay';
export const ACT_IDS: readonly ActId[] = ['yakutia', 'khabarovsk', 'saratov', 'ivanovo', 'zhatay'];

/** A clause of an act: which act and its point, as the UI cites it («п. 3.1»). */
export interface Clause {
  act: ActId;
  clause: string;
}

/** Whose account: the government's own (Khabarovsk п. 2.1, п. 5 абз. 1) or a body's. */
export type BodyKind = 'government' | 'body';
export const BODY_KINDS: readonly BodyKind[] = ['body', 'government'];

export type ModerationGround = 'law' | 'spam' | 'insult' | 'obscenity' | 'distortion';
export const MODERATION_GROUNDS: readonly ModerationGround[] = ['law', 'spam', 'insult', 'obscenity', 'distortion'];

export interface NormRule {
  min: number;
  level: 'mandatory' | 'recommended';
  clause: string;
  /** Fewer publications allowed in a week without enough newsworthy events (Khabarovsk п. 5 абз. 3). */
  fewerAllowed?: string;
}

export interface ActRules {
  /** The region whose zone and production calendar the act counts with. */
  region: Region;
  /** At most one account per network per body. */
  onePerNetwork?: string;
  /** Creation, deletion, renaming or a new address reported within N working days (to the registry; links on the body's site). */
  reportChanges?: { workingDays: number; registry: string; siteLinks: string };
  /** The page must state that it is official. */
  statesOfficial?: string;
  /**
   * The act tells the Government's own accounts from the bodies' (Khabarovsk): kept by the
   * Committee (`keptBy`), with a weekly plan the Committee prepares itself (`plan`).
   */
  governmentAccounts?: { keptBy: string; plan: string };
  norm: Partial<Record<BodyKind, NormRule>>;
  /** Weekly content plans: sent, reviewed, corrected; or a notice that the week has no events. */
  plans?: { submit: string; due: string; review: string; correct: string; noEvents: string };
  /** Which grounds for deleting a comment the act names, per body kind. */
  moderation: Partial<Record<BodyKind, Partial<Record<ModerationGround, string>>>>;
  /** Blocking a user who posts such comments repeatedly. */
  blocking?: { after: number; clause: string; decidedBy: readonly BlockDecider[] };
}

export type BlockDecider = 'head' | 'deputy';

const YAKUTIA_GROUNDS = { law: 'прил. 1 п. 2.5', spam: 'прил. 1 п. 2.5', insult: 'прил. 1 п. 2.5', obscenity: 'прил. 1 п. 2.5' };
const khabarovskGrounds = (clause: string) => ({ law: clause, spam: clause, insult: clause, obscenity: clause });
// Zhatay п. 4.2: «нарушают действующее законодательство и правила использования информационного
// ресурса, содержат оскорбления или информацию, явно искажающую смысл размещенных сведений».
// Spam and obscenity are read as breaking the platform's rules (VK and OK forbid both).
const ZHATAY_GROUNDS = { law: 'п. 4.2', spam: 'п. 4.2', insult: 'п. 4.2', obscenity: 'п. 4.2', distortion: 'п. 4.2' };

export const ACTS: Readonly<Record<ActId, ActRules>> = {
  yakutia: {
    region: 'yakutia',
    norm: {
      government: { min: 5, level: 'recommended', clause: 'прил. 1 п. 2.2' },
      body: { min: 5, level: 'recommended', clause: 'прил. 1 п. 2.2' },
    },
    moderation: { government: YAKUTIA_GROUNDS, body: YAKUTIA_GROUNDS },
  },
  khabarovsk: {
    region: 'khabarovsk',
    onePerNetwork: 'п. 3.1',
    governmentAccounts: { keptBy: 'п. 2.1', plan: 'п. 2.2' },
    reportChanges: { workingDays: 5, registry: 'п. 3.2', siteLinks: 'п. 3.3' },
    norm: {
      government: { min: 10, level: 'recommended', clause: 'п. 5 абз. 1' },
      body: { min: 5, level: 'recommended', clause: 'п. 5 абз. 2', fewerAllowed: 'п. 5 абз. 3' },
    },
    plans: { submit: 'п. 3.5', due: 'п. 6', review: 'п. 7 абз. 1', correct: 'п. 7 абз. 2', noEvents: 'п. 5 абз. 4' },
    moderation: { government: khabarovskGrounds('п. 2.7'), body: khabarovskGrounds('п. 3.6') },
  },
  saratov: {
    region: 'saratov',
    norm: {
      government: { min: 2, level: 'mandatory', clause: 'п. 4' },
      body: { min: 2, level: 'mandatory', clause: 'п. 4' },
    },
    moderation: {},
  },
  ivanovo: { region: 'ivanovo', norm: {}, moderation: {} },
  zhatay: {
    region: 'yakutia',
    statesOfficial: 'п. 3.5',
    norm: {},
    moderation: { government: ZHATAY_GROUNDS, body: ZHATAY_GROUNDS },
    blocking: { after: 2, clause: 'п. 4.3', decidedBy: ['head', 'deputy'] },
  },
};

/**
 * The acts that may govern a workspace's own pages: those counted on the region's calendar —
 * the region's own act and, in a Yakutia workspace, the Положение ГО «Жатай» (a municipality
 * of Yakutia). The region's act first.
 */
export function ownPagesActs(region: Region): ActId[] {
  return [region, ...ACT_IDS.filter((a) => a !== region && ACTS[a].region === region)];
}

/** The act that governs the workspace's own pages: the chosen one where the region allows it, else the region's. */
export function ownPagesAct(region: Region, chosen?: unknown): ActId {
  return ownPagesActs(region).find((a) => a === chosen) ?? region;
}

/** The act tells the Government's accounts from the bodies' (only then is an account's kind asked for). */
export const distinguishesGovernment = (act: ActId): boolean => ACTS[act].governmentAccounts !== undefined;

/** The act's zone (Zhatay counts in Yakutsk time). */
export function actZone(act: ActId): string {
  return REGIONS[ACTS[act].region].zone;
}

export const clauseOf = (act: ActId, clause: string): Clause => ({ act, clause });

/** The clause under which the act lets a comment be deleted on this ground, or null when it names no such ground. */
export function groundClause(act: ActId, ground: ModerationGround, kind: BodyKind = 'body'): Clause | null {
  const clause = ACTS[act].moderation[kind]?.[ground];
  return clause ? clauseOf(act, clause) : null;
}
