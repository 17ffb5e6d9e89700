/**
 * Typed calls to the identity API (用户通): sign-in, registration, who am I, enterprises and their
 * agents. Shapes come from contracts/identity.ts as types only (no zod at run time); dates arrive
 * as ISO strings, which {@link Wire} spells out.
 */
import type { z } from 'zod';
import type {
  Agent as AgentSchema,
  AgentGrant as AgentGrantSchema,
  AgentScope as AgentScopeSchema,
  Me as MeSchema,
  Registration as RegistrationSchema,
  SignIn as SignInSchema,
  SignedIn as SignedInSchema,
} from '../../../../contracts/identity';
import type { Wire } from '../../../../contracts/wire';
import type { EnterpriseClaimed, SmsCodeSent } from '../../../../contracts/identity-api';
import { getJson, sendJson } from '../../app/http';

export type { Wire } from '../../../../contracts/wire';

export type Me = Wire<z.infer<typeof MeSchema>>;
export type PersonMe = Extract<Me, { kind: 'person' }>;
export type StaffMe = Extract<Me, { kind: 'staff' }>;
export type EnterpriseLink = PersonMe['enterprises'][number];
export type Agent = Wire<z.infer<typeof AgentSchema>>;
export type AgentScope = z.infer<typeof AgentScopeSchema>;
export type AgentGrant = Omit<z.input<typeof AgentGrantSchema>, 'expiresAt'> & { expiresAt: string };
export type SignIn = z.input<typeof SignInSchema>;
export type SmsPurpose = 'register' | 'sign-in' | 'reset-password';
export type Language = PersonMe['language'];

export type Registration = z.input<typeof RegistrationSchema>;

export type SignedIn = Wire<z.infer<typeof SignedInSchema>>;

export const AGENT_SCOPES: readonly AgentScope[] = ['apply', 'track', 'licenses'];

export function getMe(signal?: AbortSignal): Promise<Me> {
  return getJson<Me>('/api/me', undefined, signal);
}

export function requestSmsCode(phone: string, purpose: SmsPurpose): Promise<Wire<z.infer<typeof SmsCodeSent>>> {
  return sendJson('POST', '/api/auth/sms-code', { phone, purpose });
}

/** The second factor of a password sign-in: a code to the phone of the account named (the answer is the same if there is none). */
export function requestStepUpCode(account: string): Promise<Wire<z.infer<typeof SmsCodeSent>>> {
  return sendJson('POST', '/api/auth/sms-code', { account, purpose: 'step-up' });
}

export function signIn(input: SignIn): Promise<SignedIn> {
  return sendJson('POST', '/api/auth/login', input);
}

export function register(input: Registration): Promise<SignedIn> {
  return sendJson('POST', '/api/auth/register', input);
}

/** 找回密码: a new password with an SMS code; the server ends every session of the account. */
export function resetPassword(input: { phone: string; smsCode: string; password: string }): Promise<void> {
  return sendJson('POST', '/api/auth/password-reset', input);
}

export function signOut(): Promise<void> {
  return sendJson('POST', '/api/auth/logout');
}

export function setPreferredLanguage(language: Language): Promise<Me> {
  return sendJson('PATCH', '/api/me', { language });
}

/** Act for an enterprise, or for oneself again with `null`. */
export function setActingFor(enterpriseId: string | null): Promise<Me> {
  return sendJson('PUT', '/api/me/acting-for', { enterpriseId });
}

/** Opens the enterprise account as its legal representative (checked against the 法人库). */
export function claimEnterprise(creditCode: string): Promise<z.infer<typeof EnterpriseClaimed>> {
  return sendJson('POST', '/api/enterprises', { creditCode });
}

export async function listAgents(enterpriseId: string, signal?: AbortSignal): Promise<Agent[]> {
  return (
    await getJson<{ agents: Agent[] }>(`/api/enterprises/${encodeURIComponent(enterpriseId)}/agents`, undefined, signal)
  ).agents;
}

export function grantAgent(enterpriseId: string, grant: AgentGrant): Promise<{ agentId: string }> {
  return sendJson('POST', `/api/enterprises/${encodeURIComponent(enterpriseId)}/agents`, grant);
}

export function revokeAgent(enterpriseId: string, agentId: string): Promise<void> {
  return sendJson(
    'DELETE',
    `/api/enterprises/${encodeURIComponent(enterpriseId)}/agents/${encodeURIComponent(agentId)}`,
  );
}
