import { describe, expect, it } from 'vitest';
import { ConfigError, loadNodeConfig, loadWorkerConfig } from '../../src/config/env';

describe('configuration', () => {
  it('defaults to the embedded database on port 8787', () => {
    const config = loadNodeConfig({ DATABASE_URL: '', PORT: undefined });
    expect(config.PORT).toBe(8787);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.PGLITE_DIR).toBe('./.data/pglite');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x@y/z' }, 'DATABASE_URL'],
    [{ DATABASE_DRIVER: 'oracle' }, 'DATABASE_DRIVER'],
    [{ NEON_WS_PROXY: '10.1.2.3:80' }, 'NEON_WS_PROXY'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('stops on %o with a message naming %s', (overrides, setting) => {
    expect(() => loadNodeConfig(overrides)).toThrowError(ConfigError);
    try {
      loadNodeConfig(overrides);
    } catch (err) {
      expect((err as ConfigError).problems.map((p) => p.setting)).toContain(setting);
      expect((err as Error).message).toContain(setting);
    }
  });

  it('requires DATABASE_URL on Workers and never echoes its value', () => {
    expect(() => loadWorkerConfig({})).toThrowError(/DATABASE_URL: is required/);
    let message = '';
    try {
      loadWorkerConfig({ DATABASE_URL: 'not a url with secret s3cr3t' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('DATABASE_URL');
    expect(message).not.toContain('s3cr3t');
  });
});
