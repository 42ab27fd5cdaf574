import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { Agent, fetch as undiciFetch } from 'undici';
import { isPublicAddress } from '../webhooks/addresses';
import { useOutboundFetch } from '../webhooks/outbound';

type Lookup = (
  hostname: string,
  options: { all: true },
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/**
 * Node: webhook calls connect only to the address that was checked. The
 * check runs inside the connection's own DNS lookup, so a name that resolves
 * to a public address when checked and to a private one when connecting
 * (DNS rebinding) is refused at the socket, not after it.
 */
export function pinnedFetch(lookup: Lookup = dnsLookup as unknown as Lookup): typeof fetch {
  const agent = new Agent({
    connect: {
      lookup: (hostname, _options, callback) => {
        lookup(hostname, { all: true }, (err, addresses) => {
          if (err) return callback(err, '', 4);
          const bad = addresses.find((a) => !isPublicAddress(a.address));
          const first = addresses[0];
          if (bad || !first)
            return callback(
              Object.assign(new Error(`refused: ${hostname} is at a non-public address`), {
                code: 'EADDRNOTAVAIL',
              }),
              '',
              4,
            );
          callback(null, first.address, first.family);
        });
      },
    },
  });
  return ((input: string, init?: Record<string, unknown>) =>
    undiciFetch(input, { ...(init ?? {}), dispatcher: agent })) as unknown as typeof fetch;
}

/** The Node entries call this once: webhooks are sent through the pinned fetch (unless private addresses are allowed, in development). */
export function pinOutboundFetch(config: { WEBHOOK_ALLOW_PRIVATE?: boolean | undefined }) {
  if (!config.WEBHOOK_ALLOW_PRIVATE) useOutboundFetch(pinnedFetch());
}
