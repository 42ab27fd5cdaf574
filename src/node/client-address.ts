/**
 * The client's address on Node. With TRUST_PROXY off (the default) it is the
 * socket's peer; behind a proxy, X-Forwarded-For is read from the right, hop by
 * hop, only while each hop is a trusted proxy: the first untrusted address is
 * the client. A client cannot choose its address by sending the header itself.
 */
export type TrustProxy =
  | { mode: 'off' }
  | { mode: 'loopback' }
  | { mode: 'list'; addresses: Set<string> };

export function parseTrustProxy(setting: string): TrustProxy {
  const v = setting.trim().toLowerCase();
  if (v === 'false' || v === '') return { mode: 'off' };
  if (v === 'loopback') return { mode: 'loopback' };
  return { mode: 'list', addresses: new Set(v.split(',').map((a) => normalize(a.trim()))) };
}

const normalize = (address: string) => address.replace(/^::ffff:/i, '').toLowerCase();
const isLoopback = (address: string) => /^127\./.test(address) || address === '::1';

function trusted(address: string, trust: TrustProxy): boolean {
  if (trust.mode === 'off') return false;
  if (trust.mode === 'loopback') return isLoopback(address);
  return trust.addresses.has(address);
}

export function clientAddressFrom(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trust: TrustProxy,
): string | undefined {
  if (!socketAddress) return undefined;
  let current = normalize(socketAddress);
  if (!trusted(current, trust) || !forwardedFor) return current;
  const hops = forwardedFor
    .split(',')
    .map((h) => normalize(h.trim()))
    .filter((h) => /^[0-9a-f.:]{2,45}$/.test(h));
  while (hops.length > 0 && trusted(current, trust)) current = hops.pop()!;
  return current;
}
