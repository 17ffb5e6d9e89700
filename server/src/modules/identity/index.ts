/**
 * identity (用户通 · 统一身份认证): persons bound to a verified 公民身份号码 (real-name levels 1–3),
 * enterprises with their legal representative and agents, staff with roles and data scopes,
 * sign-in (password + SMS codes, TOTP for every staff member, throttling with a second factor
 * instead of a lock), sessions with CSRF protection and an idle timeout, bearer tokens for API clients, and the audit trail of sign-ins, permission changes
 * and reads of personal data.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { IdentityDeps } from './identity.deps.js';
import { authRoutes } from './auth.routes.js';
import { adminRoutes } from './admin.routes.js';
import { oidcRoutes } from './oidc/oidc.routes.js';

export const identityRoutes: FastifyPluginAsync<{
  deps: IdentityDeps;
  rateLimits: { signIn: number; smsCode: number; register: number };
  publicUrl: string;
}> = async (app, opts) => {
  await app.register(authRoutes, opts);
  await app.register(adminRoutes, { deps: opts.deps });
  await app.register(oidcRoutes, { deps: opts.deps, publicUrl: opts.publicUrl });
};

export type { IdentityDeps } from './identity.deps.js';
export {
  STAFF_ROLES,
  createStaff,
  issueApiToken,
  identityAuthResolver,
  findStaffByUsername,
  reencryptIdentityData,
  type StaffRole,
  type NewStaff,
} from './identity.service.js';
export { hashPassword } from './sign-in/password.js';
export {
  seedDemoAccounts,
  enrolResidents,
  enrolHistoryApplicants,
  DEMO_STAFF,
  type DemoAccounts,
  type HistoryApplicant,
} from './demo-accounts.js';
export {
  personName,
  registryPersonOf,
  registryPersonsOf,
  personByIdNumber,
  personIdentifiers,
  findEnterpriseAccount,
  enterpriseCreditCodesOf,
  enterpriseRepresentatives,
  accountsOfRegistryPersons,
  accountsByRegistryPerson,
} from './accounts/me.service.js';
export { findActiveStaff, staffDisplayNames } from './identity.repository.js';
export { staffKinshipKeys, personIdNumberIndex } from './staff/staff-id-number.service.js';
export { verifyClientAccessToken } from './oidc/resource-server.js';
export { personPhones, personLanguages, staffOfDepartment, staffOfRegion } from './accounts/contacts.js';
