import { describe, expect, it } from 'vitest';
import { loadNodeConfig } from '../../src/config/env';
import { clientAddressFrom, parseTrustProxy } from '../../src/node/client-address';

describe('the client address behind a proxy (TRUST_PROXY)', () => {
  it('is the socket address when TRUST_PROXY is off (the default): a client cannot pick its address', () => {
    const off = parseTrustProxy('false');
    expect(clientAddressFrom('203.0.113.9', '1.2.3.4', off)).toBe('203.0.113.9');
    expect(clientAddressFrom('::ffff:203.0.113.9', undefined, off)).toBe('203.0.113.9');
  });

  it('reads X-Forwarded-For from the right, only across trusted hops', () => {
    const loopback = parseTrustProxy('loopback');
    // nginx on the same machine appends the real client
    expect(clientAddressFrom('127.0.0.1', '198.51.100.7', loopback)).toBe('198.51.100.7');
    // a client-sent header is left of the proxy's entry and is ignored
    expect(clientAddressFrom('127.0.0.1', '6.6.6.6, 198.51.100.7', loopback)).toBe('198.51.100.7');
    // a request straight from outside: the header is not believed
    expect(clientAddressFrom('198.51.100.7', '6.6.6.6', loopback)).toBe('198.51.100.7');
    const list = parseTrustProxy('10.0.0.5, 10.0.0.6');
    expect(clientAddressFrom('10.0.0.5', '6.6.6.6, 198.51.100.7, 10.0.0.6', list)).toBe(
      '198.51.100.7',
    );
    // garbage in the header is skipped, never used as an address
    expect(clientAddressFrom('10.0.0.5', 'bukan alamat', list)).toBe('10.0.0.5');
  });

  it('is validated at start-up', () => {
    expect(() => loadNodeConfig({ TRUST_PROXY: 'semua' })).toThrow(/TRUST_PROXY/);
    expect(loadNodeConfig({ TRUST_PROXY: 'loopback' }).TRUST_PROXY).toBe('loopback');
    expect(() => loadNodeConfig({ APP_SECRET: 'pendek' })).toThrow(/APP_SECRET/);
  });
});
