/**
 * The requests content scripts send (capture on VK/OK pages). Kept apart from the privileged
 * ones so the content script bundles only these schemas.
 */
import * as z from 'zod/mini';
import { LOCALES } from '../i18n';
import { messagesSchema } from '../i18n/schema';
import { reasonFields } from './channel';
import { deadlineKinds } from '../regulations/kinds';
import { capturedItemSchema, itemKeySchema, routingSchema } from '../model/message';
import { stepSchema } from '../model/step';
/**
 * Set when dueAt is not the act's answer term but the next step's own deadline (Khabarovsk
 * states no overall term): the form then names the step.
 */
const dueKindSchema = z.optional(z.enum(deadlineKinds));

/** A checker finding as it crosses the channel (UTF-16 offsets into the checked text). */
export const findingSchema = z.object({
  category: z.enum(['cliche', 'jargon', 'style', 'substance', 'forbidden']),
  ruleId: z.string().check(z.maxLength(100)),
  start: z.number().check(z.int(), z.minimum(0)),
  end: z.number().check(z.int(), z.minimum(0)),
  message: z.string().check(z.maxLength(500)),
  suggestion: z.optional(z.string().check(z.maxLength(500))),
  severity: z.enum(['info', 'warning', 'error']),
});

/** An IANA time zone name, "Asia/Yakutsk" (a workspace schedule's zone). */
const timeZoneSchema = z.string().check(z.minLength(1), z.maxLength(100));

/**
 * Each request's schemas are built the first time it is used, not when the module loads: the
 * content script loads on every VK and OK page and uses a few of them (building all of them cost
 * a few ms of every page load).
 */
const siteRequests = {
  /** Record a captured post with the curator's routing; idempotent per post key. */
  'capture.save': () =>
    ({
      from: ['site', 'extension'],
      request: z.object({
        item: capturedItemSchema,
        routing: routingSchema,
        /** When the curator pressed the capture button, by the page's clock (the background checks it). */
        detectedAt: z.optional(z.number().check(z.int(), z.positive())),
      }),
      /**
       * dueAt: when the answer is due (the regulation's answer term); nextDueAt: the next step's;
       * zone: the workspace schedule's time zone they were counted in (the form shows them in it).
       */
      response: z.object({
        id: z.string(),
        created: z.boolean(),
        dueAt: z.number(),
        dueKind: dueKindSchema,
        nextDueAt: z.optional(z.number()),
        zone: timeZoneSchema,
      }),
    }) as const,
  /**
   * Which of these item keys are already messages (one batched request per page scan), with
   * what the page shows on them: the step and the working time left to the next deadline.
   */
  'capture.lookup': () =>
    ({
      from: ['site', 'extension'],
      request: z.object({ keys: z.array(itemKeySchema).check(z.maxLength(1000)) }),
      response: z.object({
        /** The workspace schedule's time zone of these due times (sent when something was found). */
        zone: z.optional(timeZoneSchema),
        found: z.array(
          z.object({
            key: itemKeySchema,
            id: z.string(),
            status: z.string(),
            step: stepSchema,
            dueAt: z.number(),
            dueKind: dueKindSchema,
            /** The next obligation's due time and the working ms left to it (negative: overdue). */
            nextDueAt: z.optional(z.number()),
            workingMsLeft: z.optional(z.number()),
          }),
        ),
      }),
    }) as const,
  /**
   * What the page shows now on captured items (text as read), or that a captured post's own
   * page no longer shows it: the background records a change, never overwrites the capture.
   */
  'page.observed': () =>
    ({
      from: ['site'],
      request: z.object({
        seen: z.array(z.object({ key: itemKeySchema, text: z.string().check(z.maxLength(50_000)) })).check(z.maxLength(500)),
        missing: z._default(z.array(itemKeySchema).check(z.maxLength(10)), []),
      }),
      response: z.object({ changed: z.array(itemKeySchema) }),
    }) as const,
  /** The adapter's health on this tab (shown in the popup and in the options' diagnostics). */
  /**
   * A body's own page open in the browser (issue 19): is it in the registry, whose is it, and
   * this week's publications against the act's norm. Asked only on pages among the own pages.
   */
  'accounts.page': () =>
    ({
      from: ['site'],
      request: z.object({ url: z.string().check(z.maxLength(2000)) }),
      response: z.object({
        /**
         * registered: in the registry; body: a body's page by the directory, not registered yet;
         * hidden: such a page whose bar was hidden for good (accounts.hide); none: neither.
         */
        state: z.enum(['registered', 'body', 'hidden', 'none']),
        body: z.optional(z.string().check(z.maxLength(300))),
        account: z.optional(z.string().check(z.maxLength(100))),
        count: z.optional(z.number()),
        /** The act's weekly norm: at least `min`, mandatory or recommended, with its clause said as text. */
        norm: z.optional(z.object({ min: z.number(), level: z.enum(['mandatory', 'recommended']), clause: z.optional(z.string().check(z.maxLength(200))) })),
        /**
         * This week's content plan where the act has plans (Khabarovsk п. 2.2, 3.5): its state
         * (none: no plan; noEvents: the week declared without newsworthy events, п. 5 абз. 4),
         * its items not dropped, and how many of them are published.
         */
        plan: z.optional(
          z.object({
            state: z.enum(['draft', 'submitted', 'approved', 'returned', 'none', 'noEvents']),
            items: z.number().check(z.int(), z.minimum(0)),
            published: z.number().check(z.int(), z.minimum(0)),
          }),
        ),
        /** The week's last moment (exclusive), for «до воскресенья». */
        weekEnd: z.optional(z.number()),
      }),
    }) as const,
  /** The page's own posts (author = the page) as the page shows them: recorded once each. */
  'accounts.publications': () =>
    ({
      from: ['site'],
      request: z.object({
        url: z.string().check(z.maxLength(2000)),
        posts: z.array(z.object({ key: itemKeySchema, publishedAt: z.number().check(z.int(), z.positive()) })).check(z.maxLength(500)),
      }),
      response: z.object({ added: z.number(), count: z.number() }),
    }) as const,
  /** Adds the open page of a body to the registry, from the page's bar (one action). */
  'accounts.register': () =>
    ({
      from: ['site'],
      request: z.object({ url: z.string().check(z.maxLength(2000)), name: z.string().check(z.maxLength(300)) }),
      response: z.object({ ok: z.boolean(), reason: z.optional(reasonFields.reason), params: reasonFields.params }),
    }) as const,
  /**
   * «Скрыть» on the bar of a body's page not in the registry: that page (its canonical address)
   * shows no such bar again, until it is shown again from the options.
   */
  'accounts.hide': () =>
    ({
      from: ['site'],
      request: z.object({ url: z.string().check(z.maxLength(2000)) }),
      response: z.object({
        ok: z.boolean(),
        url: z.optional(z.string().check(z.maxLength(500))),
        reason: z.optional(reasonFields.reason),
        params: reasonFields.params,
      }),
    }) as const,
  /** Moderation on a registered page: the comments to mark for removal, with the ground and the act's clause. */
  'moderation.screen': () =>
    ({
      from: ['site'],
      request: z.object({
        url: z.string().check(z.maxLength(2000)),
        comments: z
          .array(z.object({ key: itemKeySchema, text: z.string().check(z.maxLength(5000)), author: z.string().check(z.maxLength(500)) }))
          .check(z.maxLength(200)),
      }),
      response: z.object({
        marks: z.array(
          z.object({
            key: itemKeySchema,
            ground: z.enum(['law', 'spam', 'insult', 'obscenity', 'distortion']),
            clause: z.optional(z.string().check(z.maxLength(200))),
            tentative: z.boolean(),
          }),
        ),
      }),
    }) as const,
  /** A marked comment the moderator removed with the site's own control: logged; the author's violations counted. */
  'moderation.removed': () =>
    ({
      from: ['site'],
      request: z.object({
        url: z.string().check(z.maxLength(2000)),
        key: itemKeySchema,
        text: z.string().check(z.maxLength(20000)),
        author: z.string().check(z.maxLength(500)),
        ground: z.enum(['law', 'spam', 'insult', 'obscenity', 'distortion']),
      }),
      response: z.object({ violations: z.number(), proposal: z.optional(z.object({ clause: z.string().check(z.maxLength(200)) })) }),
    }) as const,
  /** A false mark dismissed on the page: remembered for that comment. */
  'moderation.dismiss': () =>
    ({
      from: ['site'],
      request: z.object({ key: itemKeySchema }),
      response: z.object({ ok: z.boolean() }),
    }) as const,
  'page.health': () =>
    ({
      from: ['site'],
      request: z.object({
        site: z.enum(['vk', 'ok']),
        path: z.string().check(z.maxLength(500)),
        ok: z.boolean(),
        checks: z
          .array(z.object({ name: z.string().check(z.maxLength(50)), ok: z.boolean(), detail: z.optional(z.string().check(z.maxLength(1000))) }))
          .check(z.maxLength(30)),
        /** The checks of the site's last report, passed a moment ago on this path: stored for the tab only. */
        reused: z.optional(z.boolean()),
      }),
      response: z.object({ stored: z.literal(true) }),
    }) as const,
  /** The reply checker in the site's reply box: findings for the draft typed there. */
  'lint.check': () =>
    ({
      from: ['site', 'extension'],
      /** answering: the text of the post or comment being answered, as the page shows it. */
      request: z.object({ text: z.string().check(z.maxLength(20_000)), answering: z.optional(z.string().check(z.maxLength(50_000))) }),
      response: z.object({
        enabled: z.boolean(),
        findings: z.array(findingSchema),
        score: z.number(),
        /** Forbidden content in the post or comment being answered. */
        incoming: z._default(z.array(findingSchema), []),
      }),
    }) as const,
  /** The reply the official sent in the page was seen: recorded as the publication. */
  'publish.sent': () =>
    ({
      from: ['site'],
      request: z.object({
        messageId: z.string().check(z.minLength(1), z.maxLength(100)),
        replyKey: itemKeySchema,
        replyUrl: z.string().check(z.maxLength(2000)),
        text: z.string().check(z.maxLength(20_000)),
        /** The reply's author as the page shows them: it must be the official or the body. */
        authorUrl: z.optional(z.string().check(z.maxLength(2000))),
        authorName: z.optional(z.string().check(z.maxLength(500))),
      }),
      response: z.discriminatedUnion('ok', [
        z.object({ ok: z.literal(true), step: stepSchema }),
        /**
         * reason and params: why, said by the page (lib/i18n); unconfirmed: a reply was seen, but
         * not from the official's own profile or the body's page.
         */
        z.object({ ok: z.literal(false), ...reasonFields, unconfirmed: z.optional(z.boolean()) }),
      ]),
    }) as const,
  /**
   * The workspace directory the capture form suggests from (topics, locations, bodies), and the
   * workspace schedule's time zone the form shows times in.
   */
  'capture.directory': () =>
    ({
      from: ['site', 'extension'],
      request: z.object({}),
      response: z.object({
        zone: timeZoneSchema,
        topics: z.array(z.string()).check(z.maxLength(2000)),
        locations: z.array(z.string()).check(z.maxLength(2000)),
        bodies: z.array(z.object({ id: z.string(), name: z.string() })).check(z.maxLength(500)),
        locationRequired: z.optional(z.boolean()),
      }),
    }) as const,
  /**
   * The UI texts of a language, for a content script that found none (or another language's)
   * in storage: it bundles no catalog (lib/platform/locale.ts).
   */
  'i18n.catalog': () =>
    ({
      from: ['site'],
      request: z.object({ locale: z.enum(LOCALES) }),
      response: z.object({ locale: z.enum(LOCALES), messages: messagesSchema }),
    }) as const,
  /** Earlier messages a capture likely repeats (the curator confirms with linkRepeat). */
  'capture.repeats': () =>
    ({
      from: ['site', 'extension'],
      request: z.object({
        item: capturedItemSchema,
        topic: z.optional(z.string().check(z.maxLength(200))),
        location: z.optional(z.string().check(z.maxLength(200))),
      }),
      response: z.object({
        candidates: z.array(
          z.object({
            id: z.string(),
            reasons: z.array(z.enum(['author', 'topic-location', 'text'])),
            score: z.number(),
            text: z.string(),
            detectedAt: z.number(),
            step: stepSchema,
          }),
        ),
      }),
    }) as const,
};

function lazily<T extends Record<string, () => unknown>>(defs: T): { readonly [K in keyof T]: ReturnType<T[K]> } {
  const out = {} as { [K in keyof T]: ReturnType<T[K]> };
  for (const key of Object.keys(defs) as Array<keyof T>) {
    let built: ReturnType<T[typeof key]> | undefined;
    Object.defineProperty(out, key, { enumerable: true, get: () => (built ??= defs[key]!() as ReturnType<T[typeof key]>) });
  }
  return out;
}

export const siteProtocol = lazily(siteRequests);
