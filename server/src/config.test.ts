import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';
import { contentSecurityPolicy } from './platform/http/security-headers.js';

describe('configuration', () => {
  it('has working defaults for a first start', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      env: 'development',
      port: 3000,
      processes: 1,
      workers: true,
      databaseUrl: undefined,
      evaluation: { callBackDays: 1, rectifyDays: 15 },
    });
  });

  it('fails fast, naming the setting, on what it cannot run with', () => {
    expect(() => loadConfig({ PROCESSES: '2' })).toThrow(ConfigError);
    expect(() => loadConfig({ PROCESSES: '2' })).toThrow(/PROCESSES: .*DATABASE_URL/);
    expect(loadConfig({ PROCESSES: '2', DATABASE_URL: 'postgres://db/tongban' }).processes).toBe(2);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/DATA_KEY/);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ STORAGE: 's3' })).toThrow(/S3_BUCKET/);
  });

  it('trusts no proxy unless declared, and checks the declared ones', () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.5,::1,loopback' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '192.168.1.5',
      '::1',
      'loopback',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
  });

  it('lets the kiosks’ card-reader bridge into the pages’ CSP, loopback only', () => {
    expect(loadConfig({}).kioskCardBridge).toBeUndefined();
    const c = loadConfig({ KIOSK_CARD_BRIDGE: 'http://127.0.0.1:17890' });
    expect(c.kioskCardBridge).toBe('http://127.0.0.1:17890');
    expect(contentSecurityPolicy([c.kioskCardBridge!])).toContain("connect-src 'self' http://127.0.0.1:17890;");
    expect(contentSecurityPolicy()).toContain("connect-src 'self';");
    expect(() => loadConfig({ KIOSK_CARD_BRIDGE: 'https://reader.example.com' })).toThrow(/KIOSK_CARD_BRIDGE/);
  });
});
