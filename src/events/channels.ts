import { EVENT_TYPES, type EventType } from './types';

/**
 * How an event reaches a person by email, per tenant and event type (pure; no
 * I/O). Every item is in the inbox whatever the channel.
 * - `immediately`: an email within minutes (a burst collapsed into one);
 * - `daily`: at most one such email a day, with what came since;
 * - `digest`: only in the periodic digest;
 * - `off`: the inbox only.
 */
export const CHANNELS = ['immediately', 'daily', 'digest', 'off'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * The defaults, by role: whoever does the work (the TKKSD secretariat, a
 * liaison, a partner's people) hears of what is asked of them at once; the
 * head, whose secretariat prepares the decision, once a day. News waits for
 * the digest, except news the reader acts on next (an interest decided, a
 * meeting answered or cancelled, a PKS ended), which is sent as what is asked.
 */
export function defaultChannel(role: string, type: EventType): Channel {
  const spec = EVENT_TYPES[type];
  if (spec.kind === 'info' && !('emailNow' in spec && spec.emailNow)) return 'digest';
  return role === 'head' ? 'daily' : 'immediately';
}

export function channelOf(
  chosen: Record<string, string> | null | undefined,
  role: string,
  type: EventType,
): Channel {
  const c = chosen?.[type];
  return (CHANNELS as readonly string[]).includes(c ?? '')
    ? (c as Channel)
    : defaultChannel(role, type);
}

/** How long after a person's last inbox email the next may go, by channel (null: never by email). */
export function emailWindowMs(channel: Channel, burstMs: number): number | null {
  if (channel === 'immediately') return burstMs;
  if (channel === 'daily') return 24 * 3600_000;
  return null;
}
