/**
 * Single sign-on through a real relying party (openid-client) against the app listening on a
 * port: discovery, authorization code + PKCE for a person signed in on the portal, claims, the
 * refusals (wrong verifier, unregistered redirect URI, anyone but a system administrator), client
 * credentials, and a disabled client.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import * as oidc from 'openid-client';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import * as people from '../../../test/people.js';

let t: TestApp;
let base: string;
let issuer: string;
let admin: { id: string; authorization: string };
const REDIRECT = 'http://localhost:8080/callback';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  issuer = `${base}/oidc`;
  t = await createTestApp({ env: { ...people.GENEROUS_LIMITS, PUBLIC_URL: base } });
  await t.app.listen({ port, host: '127.0.0.1' });
  admin = await t.staff(['system_admin']);
});
afterAll(async () => t?.close());

async function registerClient(body: Record<string, unknown>) {
  return t.app.inject({
    method: 'POST',
    url: '/api/admin/oidc/clients',
    headers: { authorization: admin.authorization },
    payload: body,
  });
}

async function confidentialClient(
  grantTypes = ['authorization_code', 'refresh_token'],
): Promise<{ clientId: string; clientSecret: string }> {
  const res = await registerClient({ name: '贵州省不动产登记系统', redirectUris: [REDIRECT], grantTypes });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const discover = (clientId: string, clientSecret?: string) =>
  oidc.discovery(
    new URL(issuer),
    clientId,
    undefined,
    clientSecret ? oidc.ClientSecretBasic(clientSecret) : oidc.None(),
    { execute: [oidc.allowInsecureRequests] },
  );

/**
 * A browser: follows redirects from `start` with the cookies in `jar` (the portal session's among
 * them), keeping the provider's own cookies, until it is sent somewhere outside the app. Answers that last location (or the
 * answer that did not redirect).
 */
async function browse(start: URL, jar: Map<string, string>): Promise<{ location?: URL; status: number; body: string }> {
  let url = start;
  for (let hop = 0; hop < 10; hop++) {
    const res = await fetch(url, {
      redirect: 'manual',
      headers: jar.size ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {},
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*expires=.*1970/i.test(a)) || value === '';
      if (expired) jar.delete(name);
      else jar.set(name, value);
    }
    const location = res.headers.get('location');
    if (!location || res.status < 300 || res.status >= 400) return { status: res.status, body: await res.text() };
    const next = new URL(location, url);
    if (next.origin !== base) return { location: next, status: res.status, body: '' };
    // The portal's sign-in page is not the provider's to serve: stop there.
    if (next.pathname === '/login') return { location: next, status: res.status, body: '' };
    url = next;
  }
  throw new Error('too many redirects');
}

async function signedInPerson() {
  const [p] = await people.registryPersons(t, 'any', 1);
  const { c, personId, phone } = await people.register(t, p!);
  return { p: p!, personId, phone, session: c.jar.get('tb_session')! };
}

/** A fresh browser holding only the portal session cookie (if any). */
const browser = (session?: string) => new Map(session ? [['tb_session', session]] : []);

async function authorize(
  config: oidc.Configuration,
  session: string | Map<string, string> | undefined,
  opts: { scope?: string; redirectUri?: string; prompt?: string } = {},
) {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: opts.redirectUri ?? REDIRECT,
    scope: opts.scope ?? 'openid profile',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    ...(opts.prompt ? { prompt: opts.prompt } : {}),
  });
  return { verifier, state, ...(await browse(url, session instanceof Map ? session : browser(session))) };
}

describe('discovery', () => {
  it('publishes the provider at /oidc, with PKCE and the Tongban scopes', async () => {
    const config = await discover('anyone');
    const meta = config.serverMetadata();
    expect(meta.issuer).toBe(issuer);
    expect(meta.authorization_endpoint).toBe(`${issuer}/auth`);
    expect(meta.code_challenge_methods_supported).toEqual(['S256']);
    expect(meta.scopes_supported).toEqual(expect.arrayContaining(['openid', 'profile', 'phone', 'enterprise']));
    expect(meta.grant_types_supported).toEqual(
      expect.arrayContaining(['authorization_code', 'refresh_token', 'client_credentials']),
    );
    const jwks = await (await fetch(meta.jwks_uri!)).json();
    expect(jwks.keys.map((k: { alg: string }) => k.alg)).toEqual(['ES256', 'RS256']);
    expect(JSON.stringify(jwks)).not.toMatch(/"d"/);
  });
});

describe('client register', () => {
  it('registers a confidential client, shows the secret once, stores it encrypted and lists it without', async () => {
    const { clientId, clientSecret } = await confidentialClient();
    expect(clientId).toMatch(/^tbc_/);
    expect(clientSecret.length).toBeGreaterThanOrEqual(43);
    const stored = await sql<{
      secretEnc: string;
    }>`SELECT secret_enc FROM identity.oidc_client WHERE client_id = ${clientId}`.execute(t.db);
    expect(stored.rows[0]!.secretEnc).toMatch(/^sm4\./);
    expect(stored.rows[0]!.secretEnc).not.toContain(clientSecret);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/admin/oidc/clients',
      headers: { authorization: admin.authorization },
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().clients.find((c: { clientId: string }) => c.clientId === clientId)).toMatchObject({
      name: '贵州省不动产登记系统',
      redirectUris: [REDIRECT],
      public: false,
      disabledAt: null,
    });
    expect(list.body).not.toContain(clientSecret);
    const audited = await sql<{
      n: string;
    }>`SELECT count(*) AS n FROM platform.audit_log WHERE action = 'identity.oidc-client-registered' AND target_id = ${clientId} AND actor_id = ${admin.id}`.execute(
      t.db,
    );
    expect(Number(audited.rows[0]!.n)).toBe(1);
  });

  it('refuses http redirect URIs outside localhost, with a field error', async () => {
    const res = await registerClient({
      name: '某系统',
      redirectUris: ['http://example.gov.cn/cb'],
      grantTypes: ['authorization_code'],
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({
      code: 'IDENTITY.OIDC_BAD_CLIENT',
      errors: [{ field: 'redirectUris.0', code: 'IDENTITY.OIDC_BAD_REDIRECT_URI' }],
    });
  });

  it('refuses anyone but a system administrator', async () => {
    const clerk = await t.staff(['window_clerk']);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/admin/oidc/clients',
      headers: { authorization: clerk.authorization },
      payload: { name: 'x', redirectUris: [REDIRECT], grantTypes: ['authorization_code'] },
    });
    expect(res.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/oidc/clients' })).statusCode).toBe(401);
  });
});

describe('authorization code + PKCE', () => {
  it('signs a portal user in to a confidential client: ID token, userinfo, audited claims', async () => {
    const { clientId, clientSecret } = await confidentialClient();
    const config = await discover(clientId, clientSecret);
    const { p, personId, session } = await signedInPerson();

    const first = await authorize(config, session);
    expect(first.location?.href.startsWith(REDIRECT), first.body).toBe(true);
    expect(first.location!.searchParams.get('state')).toBe(first.state);
    const tokens = await oidc.authorizationCodeGrant(config, first.location!, {
      pkceCodeVerifier: first.verifier,
      expectedState: first.state,
    });
    const idToken = tokens.claims()!;
    expect(idToken.sub).toBe(personId);
    expect(idToken.iss).toBe(issuer);
    expect(idToken.aud).toBe(clientId);
    expect(JSON.parse(Buffer.from(tokens.id_token!.split('.')[0]!, 'base64url').toString()).alg).toBe('ES256');

    const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, personId);
    expect(userinfo).toMatchObject({
      sub: personId,
      name: p.name,
      tongban_real_name_level: 2,
      locale: 'zh-CN',
      tongban_account_kind: 'person',
    });
    expect(JSON.stringify(userinfo)).not.toContain(p.idNumber);
    const audited = await sql<{
      n: string;
    }>`SELECT count(*) AS n FROM platform.audit_log WHERE action = 'identity.oidc-claims-read' AND actor_id = ${clientId} AND target_id = ${personId}`.execute(
      t.db,
    );
    expect(Number(audited.rows[0]!.n)).toBeGreaterThanOrEqual(1);
    const grant = await sql<{
      n: string;
    }>`SELECT count(*) AS n FROM identity.oidc_payload WHERE kind = 'Grant' AND payload->>'accountId' = ${personId}`.execute(
      t.db,
    );
    expect(Number(grant.rows[0]!.n)).toBe(1);

    // Signed in again later: no interaction needed, straight back with a code.
    const again = await authorize(config, session, { scope: 'openid profile phone' });
    expect(again.location?.href.startsWith(REDIRECT)).toBe(true);
    const more = await oidc.authorizationCodeGrant(config, again.location!, {
      pkceCodeVerifier: again.verifier,
      expectedState: again.state,
    });
    const withPhone = await oidc.fetchUserInfo(config, more.access_token, personId);
    expect(withPhone.phone_number).toMatch(/^1\d{2}\*{4}\d{4}$/);
  });

  it('refuses a wrong code_verifier', async () => {
    const { clientId, clientSecret } = await confidentialClient();
    const config = await discover(clientId, clientSecret);
    const { session } = await signedInPerson();
    const { location, state } = await authorize(config, session);
    const wrong = oidc.randomPKCECodeVerifier();
    const error = await oidc
      .authorizationCodeGrant(config, location!, { pkceCodeVerifier: wrong, expectedState: state })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(oidc.ResponseBodyError);
    expect((error as oidc.ResponseBodyError).error).toBe('invalid_grant');
  });

  it('requires PKCE of every client, and lets a public client (the mobile app) sign in with it alone', async () => {
    const { clientId, clientSecret } = await confidentialClient();
    const noPkce = oidc.buildAuthorizationUrl(await discover(clientId, clientSecret), {
      redirect_uri: REDIRECT,
      scope: 'openid',
      state: 'x',
    });
    const refused = await browse(noPkce, browser());
    expect(refused.location!.searchParams.get('error')).toBe('invalid_request');
    expect(refused.location!.searchParams.get('error_description')).toMatch(/PKCE/);

    const app = await registerClient({
      name: '贵州政务服务 App',
      redirectUris: [REDIRECT],
      grantTypes: ['authorization_code'],
      public: true,
    });
    expect(app.statusCode, app.body).toBe(201);
    expect(app.json().clientSecret).toBeNull();
    const config = await discover(app.json().clientId);
    const { personId, session } = await signedInPerson();
    const r = await authorize(config, session);
    const tokens = await oidc.authorizationCodeGrant(config, r.location!, {
      pkceCodeVerifier: r.verifier,
      expectedState: r.state,
    });
    expect(tokens.claims()!.sub).toBe(personId);
  });

  it('refuses an unregistered redirect URI without redirecting to it', async () => {
    const { clientId, clientSecret } = await confidentialClient();
    const config = await discover(clientId, clientSecret);
    const { session } = await signedInPerson();
    const res = await authorize(config, session, { redirectUri: 'https://attacker.example/cb' });
    expect(res.location).toBeUndefined();
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error).toBe('invalid_redirect_uri');
  });

  it('sends someone not signed in to the portal sign-in page, which returns to the interaction', async () => {
    const { clientId, clientSecret } = await confidentialClient();
    const config = await discover(clientId, clientSecret);
    const res = await authorize(config, undefined);
    expect(res.location?.pathname).toBe('/login');
    expect(res.location!.searchParams.get('returnTo')).toMatch(/^\/oidc\/interaction\/[A-Za-z0-9_-]+$/);
  });
});

describe('the provider session follows the portal session', () => {
  it('on a shared device, never hands out the previous person', async () => {
    const { clientId, clientSecret } = await confidentialClient();
    const config = await discover(clientId, clientSecret);
    const a = await signedInPerson();
    const b = await signedInPerson();
    const kiosk = browser(a.session);
    const subOf = async (r: Awaited<ReturnType<typeof authorize>>) =>
      (
        await oidc.authorizationCodeGrant(config, r.location!, { pkceCodeVerifier: r.verifier, expectedState: r.state })
      ).claims()!.sub;

    expect(await subOf(await authorize(config, kiosk))).toBe(a.personId);
    expect(kiosk.has('_session')).toBe(true);
    // A signs out of the portal; with prompt=none the relying party learns that sign-in is needed.
    kiosk.delete('tb_session');
    const silent = await authorize(config, kiosk, { prompt: 'none' });
    expect(silent.location?.href.startsWith(REDIRECT)).toBe(true);
    expect(silent.location!.searchParams.get('error')).toBe('login_required');
    expect((await authorize(config, kiosk)).location?.pathname).toBe('/login');
    // B signs in on the portal of the same device.
    kiosk.set('tb_session', b.session);
    expect(await subOf(await authorize(config, kiosk))).toBe(b.personId);
  });

  it('tells a client with scope enterprise whom the person acts for', async () => {
    const [rep] = await people.registryPersons(t, 'legal-representative', 1);
    const { c } = await people.register(t, rep!);
    const creditCode = (
      await sql<{
        creditCode: string;
      }>`SELECT credit_code FROM exchange.legal_entity WHERE legal_representative_id = ${rep!.id} AND status = 'active' LIMIT 1`.execute(
        t.db,
      )
    ).rows[0]!.creditCode;
    const enterpriseId = (await c.call('POST', '/api/enterprises', { creditCode })).json().enterpriseId as string;
    const { clientId, clientSecret } = await confidentialClient();
    const config = await discover(clientId, clientSecret);
    const device = browser(c.jar.get('tb_session'));
    const userinfo = async () => {
      const r = await authorize(config, device, { scope: 'openid profile enterprise' });
      const tokens = await oidc.authorizationCodeGrant(config, r.location!, {
        pkceCodeVerifier: r.verifier,
        expectedState: r.state,
      });
      return oidc.fetchUserInfo(config, tokens.access_token, oidc.skipSubjectCheck);
    };
    expect((await userinfo()).tongban_enterprise).toBeUndefined();
    expect((await c.call('PUT', '/api/me/acting-for', { enterpriseId })).statusCode).toBe(200);
    expect((await userinfo()).tongban_enterprise).toEqual({
      credit_code: creditCode,
      name: expect.any(String),
      role: 'legal_representative',
    });
  });
});

describe('client credentials and disabling', () => {
  it('issues a token to a client registered for client_credentials, and not to others', async () => {
    const machine = await registerClient({ name: '银行自助终端渠道', grantTypes: ['client_credentials'] });
    expect(machine.statusCode, machine.body).toBe(201);
    const cc = await oidc.clientCredentialsGrant(await discover(machine.json().clientId, machine.json().clientSecret));
    expect(cc.access_token).toBeTruthy();
    expect(cc.token_type.toLowerCase()).toBe('bearer');

    const codeOnly = await confidentialClient(['authorization_code']);
    const refused = await oidc
      .clientCredentialsGrant(await discover(codeOnly.clientId, codeOnly.clientSecret))
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(oidc.ResponseBodyError);
    expect((refused as oidc.ResponseBodyError).error_description).toBe(
      'requested grant type is not allowed for this client',
    );
  });

  it('stops a disabled client at once', async () => {
    const machine = (await registerClient({ name: '停用测试', grantTypes: ['client_credentials'] })).json();
    const config = await discover(machine.clientId, machine.clientSecret);
    expect((await oidc.clientCredentialsGrant(config)).access_token).toBeTruthy();
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/admin/oidc/clients/${machine.clientId}`,
      headers: { authorization: admin.authorization },
    });
    expect(del.statusCode).toBe(204);
    const refused = await oidc.clientCredentialsGrant(config).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(oidc.WWWAuthenticateChallengeError);
    expect((refused as oidc.WWWAuthenticateChallengeError).status).toBe(401);
    expect((refused as oidc.WWWAuthenticateChallengeError).cause[0]!.parameters.error).toBe('invalid_client');
    const again = await t.app.inject({
      method: 'DELETE',
      url: `/api/admin/oidc/clients/${machine.clientId}`,
      headers: { authorization: admin.authorization },
    });
    expect(again.json().code).toBe('IDENTITY.OIDC_NO_CLIENT');
  });
});
