/**
 * What the identity routes answer (用户通): sign-in and registration, who am I, enterprises and
 * their agents, staff administration, the window's look-up of residents and the register of single
 * sign-on clients. The shapes of persons, staff and agents are in identity.ts.
 */
import { z } from 'zod';
import { contract } from './http.js';
import { Agent, Me, PersonForStaff, SignedIn, StaffSummary } from './identity.js';

export const MePage = contract(Me);
export const SignedInPage = contract(SignedIn);
export const PersonForStaffPage = contract(PersonForStaff);

/** An SMS code was sent (or, for an unknown account, pretends to have been): when it expires. */
export const SmsCodeSent = contract(z.object({ expiresAt: z.date() }));

export const EnterpriseClaimed = contract(z.object({ enterpriseId: z.uuid(), name: z.string() }));
export const AgentList = contract(z.object({ agents: z.array(Agent) }));
export const AgentGranted = contract(z.object({ agentId: z.uuid() }));

export const StaffList = contract(z.object({ staff: z.array(StaffSummary) }));
/** The authenticator (TOTP) enrolment URI is shown once, to administrative roles only. */
export const StaffCreated = contract(z.object({ id: z.uuid(), totpUri: z.string().nullable() }));
export const StaffRolesChanged = contract(z.object({ totpUri: z.string().nullable() }));
/** A staff member's ID number was recorded: answered masked; whether the population registry has them. */
export const StaffIdNumberRecorded = contract(z.object({ idNumber: z.string(), inRegistry: z.boolean() }));

/** The OAuth grant types a single sign-on client may use. */
export const OIDC_GRANT_TYPES = ['authorization_code', 'refresh_token', 'client_credentials'] as const;
export const OidcClientInput = z.object({
  name: z.string().trim().min(1).max(100),
  redirectUris: z.array(z.string().trim().max(2000)).max(20).default([]),
  grantTypes: z.array(z.enum(OIDC_GRANT_TYPES)).min(1).max(3),
  public: z.boolean().default(false),
  idTokenAlg: z.enum(['ES256', 'RS256']).default('ES256'),
});
export const OidcClient = z.object({
  clientId: z.string(),
  name: z.string(),
  redirectUris: z.array(z.string()),
  grantTypes: z.array(z.string()),
  public: z.boolean(),
  idTokenAlg: z.enum(['ES256', 'RS256']),
  createdAt: z.date(),
  disabledAt: z.date().nullable(),
});
/** The secret is shown once (confidential clients only). */
export const OidcClientRegistered = contract(z.object({ clientId: z.string(), clientSecret: z.string().nullable() }));
export const OidcClientList = contract(z.object({ clients: z.array(OidcClient) }));
