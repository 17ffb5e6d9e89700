/**
 * 证照通 over HTTP, one plugin per use case: public verification and keys, 亮证 by share code
 * (verify/), the holder's wallet (wallet/), uses and consents (use/), and the departments'
 * issuance and lifecycle (lifecycle/).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { LicensesDeps } from './licenses.deps.js';
import { verifyRoutes } from './verify/verify.routes.js';
import { walletRoutes } from './wallet/wallet.routes.js';
import { useRoutes } from './use/use.routes.js';
import { lifecycleRoutes } from './lifecycle/lifecycle.routes.js';

export const licensesRoutes: FastifyPluginAsyncZod<{ deps: LicensesDeps }> = async (app, opts) => {
  await app.register(verifyRoutes, opts);
  await app.register(walletRoutes, opts);
  await app.register(useRoutes, opts);
  await app.register(lifecycleRoutes, opts);
};
