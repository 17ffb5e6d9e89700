import fp from 'fastify-plugin';

/** The portal's policy; `connect` adds origins the pages may call besides their own (a kiosk's card-reader bridge). */
export const contentSecurityPolicy = (connect: readonly string[] = []): string =>
  `default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src ${["'self'", ...connect].join(' ')}; frame-ancestors 'none'; base-uri 'self'`;

/** Baseline security headers for every answer (等保三级 expects them). */
export const securityHeaders = fp<{ production: boolean; connect?: readonly string[] }>(
  async (app, { production, connect }) => {
    const always: Record<string, string> = {
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'permissions-policy': 'camera=(), microphone=(), geolocation=()',
      ...(production ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
    };
    const withCsp = { ...always, 'content-security-policy': contentSecurityPolicy(connect) };
    // A callback hook: one per answer, so no promise to settle on the hot path.
    app.addHook('onSend', (request, reply, payload, done) => {
      // The API docs page (Swagger UI) runs inline scripts of its own.
      reply.headers(request.url.startsWith('/docs') ? always : withCsp);
      done(null, payload);
    });
  },
);
