import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/**
 * Prefixed, time-ordered identifiers: `ten_01jd…`. The prefix makes a wrong-id
 * bug visible (a user id passed where a tenant id belongs); the leading
 * timestamp keeps b-tree inserts append-only and lists naturally ordered.
 */
export const ID_PREFIXES = {
  tenant: 'ten',
  user: 'usr',
  session: 'ses',
  apiKey: 'key',
  membership: 'mem',
  invitation: 'inv',
  agency: 'opd',
  audit: 'aud',
  email: 'eml',
  request: 'req',
  token: 'tok',
  potential: 'pot',
  round: 'rnd',
  proposal: 'prp',
  agreement: 'agr',
  action: 'act',
  interest: 'int',
  event: 'evt',
  forum: 'frm',
  forumSession: 'fss',
  registration: 'reg',
  followUp: 'fup',
  meeting: 'mtg',
  decision: 'dec',
  report: 'rpt',
  board: 'brd',
  thread: 'thr',
  post: 'pst',
  notification: 'ntf',
  flag: 'flg',
  digest: 'dig',
  domainEvent: 'dev',
  inboxItem: 'inb',
  webhookEndpoint: 'whk',
  webhookMessage: 'msg',
  webhookAttempt: 'wha',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

function encodeTime(ms: number): string {
  let out = '';
  let n = ms;
  for (let i = 0; i < 10; i++) {
    out = CROCKFORD[n % 32] + out;
    n = Math.floor(n / 32);
  }
  return out;
}

export function newId(kind: IdKind, now: number = Date.now()): string {
  const random = new Uint8Array(10);
  crypto.getRandomValues(random);
  return `${ID_PREFIXES[kind]}_${encodeTime(now)}${encodeBase32LowerCaseNoPadding(random)}`;
}
