/**
 * Every link Sinergi writes into an email comes from this table (pure; no I/O).
 *
 * Each target has a `web` path, the contract for the web application that
 * serves Sinergi's users (docs/links.md), and an `api` path, the API's own
 * resource the link opens when no web application is configured. A target
 * with no `api` path (a page where a person types a password) links only into
 * the web application; without one, the email gives the code and no link.
 * `apiOnly` targets are Sinergi's own (a calendar feed, a one-click
 * unsubscribe, the public pages of a potential and a session) and never go
 * elsewhere.
 *
 * Placeholders `{name}` are filled from the parameters, each URI-encoded.
 */
type Target = { web: string; api?: string; apiOnly?: true };

export const LINK_TARGETS = {
  inbox: { web: '/inbox?tenant={tenantId}', api: '/v1/me/inbox?tenantId={tenantId}' },
  notificationSettings: { web: '/settings/notifications', api: '/v1/me/notifications' },
  interests: {
    web: '/t/{tenantId}/interests/{interestId}',
    api: '/v1/tenants/{tenantId}/interests?box={box}',
  },
  agreement: {
    web: '/t/{tenantId}/agreements/{agreementId}',
    api: '/v1/tenants/{tenantId}/agreements/{agreementId}',
  },
  proposal: {
    web: '/t/{tenantId}/proposals/{proposalId}',
    api: '/v1/tenants/{tenantId}/proposals?as=party',
  },
  potential: {
    web: '/t/{tenantId}/potentials/{potentialId}',
    api: '/v1/tenants/{tenantId}/potentials/{potentialId}',
  },
  potentialMatches: {
    web: '/t/{tenantId}/potentials/{potentialId}/matches',
    api: '/v1/tenants/{tenantId}/potentials/{potentialId}/matches',
  },
  /** a published potential: Sinergi's own public page (src/web), whatever the web application */
  catalogPotential: { web: '/potensi/{potentialId}', apiOnly: true },
  /** a forum session: Sinergi's own public page */
  forumSession: { web: '/forum/{forumId}/sesi/{sessionId}', apiOnly: true },
  sessionRegistrations: {
    web: '/t/{tenantId}/forums/{forumId}/sessions/{sessionId}/registrations',
    api: '/v1/tenants/{tenantId}/forums/{forumId}/sessions/{sessionId}/registrations',
  },
  forumRegistration: {
    web: '/t/{tenantId}/forum-registrations/{registrationId}',
    api: '/v1/tenants/{tenantId}/forum-registrations/{registrationId}',
  },
  sessionMeetings: {
    web: '/t/{tenantId}/forum-meetings?session={sessionId}',
    api: '/v1/tenants/{tenantId}/forum-meetings?sessionId={sessionId}',
  },
  followUp: {
    web: '/t/{tenantId}/follow-ups/{followUpId}',
    api: '/v1/tenants/{tenantId}/follow-ups/{followUpId}',
  },
  round: {
    web: '/t/{tenantId}/rounds/{roundId}',
    api: '/v1/tenants/{tenantId}/rounds/{roundId}',
  },
  /** a post in a thread, read through one of the reader's tenants */
  thread: {
    web: '/threads/{threadId}?post={postId}',
    api: '/v1/tenants/{tenantId}/threads/{threadId}',
  },
  annualReport: {
    web: '/t/{tenantId}/annual-reports/{reportId}',
    api: '/v1/tenants/{tenantId}/annual-reports/{reportId}',
  },
  annualReporting: {
    web: '/t/{tenantId}/annual-reporting/{year}',
    api: '/v1/tenants/{tenantId}/annual-reporting/{year}',
  },
  mappingReport: {
    web: '/t/{tenantId}/reports/mapping',
    api: '/v1/tenants/{tenantId}/reports/mapping',
  },
  webhookDeliveries: {
    web: '/t/{tenantId}/webhooks/{endpointId}',
    api: '/v1/tenants/{tenantId}/webhooks/{endpointId}/deliveries',
  },
  verifyEmail: { web: '/verify-email?token={token}' },
  resetPassword: { web: '/reset-password?token={token}' },
  /** an account that exists already: where its owner starts a password reset */
  forgotPassword: { web: '/reset-password' },
  acceptInvitation: { web: '/invitations/accept?token={token}' },
  calendarFeed: { web: '/v1/feeds/{tenantId}/calendar.ics?token={token}', apiOnly: true },
  unsubscribeDigest: { web: '/v1/digest/unsubscribe?token={token}', apiOnly: true },
} as const satisfies Record<string, Target>;

export type LinkTarget = keyof typeof LINK_TARGETS;

type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;
type PathsOf<T extends LinkTarget> = (typeof LINK_TARGETS)[T] extends infer E
  ?
      | (E extends { web: infer W extends string } ? W : never)
      | (E extends { api: infer A extends string } ? A : never)
  : never;
export type LinkParams<T extends LinkTarget> = Record<Placeholders<PathsOf<T>>, string | number>;

export type Origins = { APP_ORIGIN: string; APP_WEB_ORIGIN?: string | undefined };

const fill = (template: string, params: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`link parameter ${name} missing`);
    return encodeURIComponent(String(v));
  });

/**
 * The link to a target: into the web application when `APP_WEB_ORIGIN` is set,
 * else the API's own resource; null when the target has only a web page and
 * there is no web application.
 */
export function linkTo<T extends LinkTarget>(
  config: Origins,
  target: T,
  params: LinkParams<T>,
): string | null {
  const t: Target = LINK_TARGETS[target];
  const p = params as Record<string, string | number>;
  if (t.apiOnly) return `${config.APP_ORIGIN}${fill(t.web, p)}`;
  if (config.APP_WEB_ORIGIN) return `${config.APP_WEB_ORIGIN}${fill(t.web, p)}`;
  return t.api ? `${config.APP_ORIGIN}${fill(t.api, p)}` : null;
}

/** The link, for targets that always have one (an API path, or only Sinergi's own). */
export function linkOf<T extends LinkTarget>(
  config: Origins,
  target: T,
  params: LinkParams<T>,
): string {
  const url = linkTo(config, target, params);
  if (url === null) throw new Error(`${target} has no link without APP_WEB_ORIGIN`);
  return url;
}

const escapeRe = (s: string) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
const patternOf = (origin: string, template: string) =>
  new RegExp(
    `^${escapeRe(origin)}${template
      .split(/(\{\w+\})/)
      .map((part) => (/^\{\w+\}$/.test(part) ? '[^/?#&]+' : escapeRe(part)))
      .join('')}$`,
  );

/** Which target produced this URL under this configuration, or null: no email link may be anything else. */
export function targetOfLink(config: Origins, url: string): LinkTarget | null {
  for (const [name, t] of Object.entries(LINK_TARGETS) as [LinkTarget, Target][]) {
    const origin = t.apiOnly || !config.APP_WEB_ORIGIN ? config.APP_ORIGIN : config.APP_WEB_ORIGIN;
    const template = t.apiOnly || config.APP_WEB_ORIGIN ? t.web : t.api;
    if (template && patternOf(origin, template).test(url)) return name;
  }
  return null;
}
