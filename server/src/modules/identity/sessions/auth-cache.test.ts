import { describe, expect, it } from 'vitest';
import { AuthCache, forgetCachedAuth } from './auth-cache.js';

describe('AuthCache', () => {
  it('remembers an answer for its time to live, then asks again; forgetting clears every cache', async () => {
    let now = 0;
    let loads = 0;
    const cache = new AuthCache<string | undefined>(1000, () => now);
    const load = async () => {
      loads++;
      return loads % 2 ? 'alice' : undefined;
    };
    expect(await cache.get('k', load)).toBe('alice');
    now = 999;
    expect(await cache.get('k', load)).toBe('alice');
    expect(loads).toBe(1);
    now = 1000;
    expect(await cache.get('k', load)).toBeUndefined(); // expired: read again (and "nobody" is remembered too)
    expect(await cache.get('k', load)).toBeUndefined();
    expect(loads).toBe(2);
    forgetCachedAuth();
    expect(await cache.get('k', load)).toBe('alice');
    expect(loads).toBe(3);
  });

  it('never caches with a time to live of 0, and keys differ by every part', async () => {
    let loads = 0;
    const cache = new AuthCache<number>(0);
    await cache.get('k', async () => ++loads);
    await cache.get('k', async () => ++loads);
    expect(loads).toBe(2);
    expect(AuthCache.key('session', 'tok', 'self')).not.toBe(AuthCache.key('session', 'tok', 'ent-1'));
    expect(AuthCache.key('session', 'tok', undefined)).toBe(AuthCache.key('session', 'tok', ''));
  });
});
