import ipaddr from 'ipaddr.js';

/**
 * Where a webhook may call (pure; no I/O): only a public unicast address.
 * Loopback, private, link-local (the cloud metadata address 169.254.169.254
 * among them), carrier-grade NAT, multicast, unspecified, reserved and the
 * IPv6 forms of each — unique-local, IPv4-mapped, NAT64 and 6to4 embeddings —
 * are refused. The classification is ipaddr.js's, not hand-written ranges.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) parsed = v6.toIPv4Address();
  }
  return parsed.range() === 'unicast';
}

/** The host of a URL as an address when it is one (`[::1]` → `::1`), else null (a name to resolve). */
export function literalAddress(host: string): string | null {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  return ipaddr.isValid(bare) ? bare : null;
}
