/**
 * licenses (证照通 · 电子证照): licence types, issuance from case results and by departments,
 * signatures (SM2/SM3 or Ed25519) over a canonical form, PDF/PNG with a verification QR code,
 * online and offline verification, VC-JWT, revocation, suspension, renewal and change with a
 * history, the holder's wallet with share codes (亮证), consents and the use log (用证).
 * Events: licenses.license-issued, -revoked, -suspended, -reinstated. Subscribes to
 * cases.case-decided and identity.person-registered.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { LicensesDeps } from './licenses.deps.js';
import { licensesRoutes } from './licenses.routes.js';

export const licensesModule: FastifyPluginAsync<{ deps: LicensesDeps }> = async (app, opts) => {
  await app.register(licensesRoutes, opts);
};

export type { LicensesDeps, HolderAccount } from './licenses.deps.js';
export { licensesSubscriber } from './issue/subscribers.js';
export { seedDemoLicenses } from './issue/demo-seed.js';
export { findValidLicenses, recordLicenseUse, type Applicant, type LicenseUse } from './use/use.service.js';
export { licensesOfCase, type CaseLicense } from './issue/of-case.js';
export { LICENSE_TYPES } from './types/license-types.js';
export { reencryptLicenseData } from './key-rotation.js';
