/** Calls of the policy console (政策管理); shapes from contracts/policy-admin.ts and contracts/proactive.ts. */
import type {
  PolicyAdminDetail,
  PolicyAdminList,
  PolicyDraftBody,
  PolicyReach,
  PolicyVersionAnswer,
} from '../../../../contracts/policy-admin';
import type { DryRun } from '../../../../contracts/proactive';
import { getJson, sendJson } from '../../app/http';

export type {
  PolicyAdminDetail,
  PolicyAdminList,
  PolicyDraftBody,
  PolicyReach,
} from '../../../../contracts/policy-admin';
export type { DryRun } from '../../../../contracts/proactive';

const BASE = '/api/admin/proactive/policies';
const at = (code: string) => `${BASE}/${encodeURIComponent(code)}`;

export const listPolicies = (signal?: AbortSignal) => getJson<PolicyAdminList>(BASE, undefined, signal);
export const getPolicy = (code: string, signal?: AbortSignal) =>
  getJson<PolicyAdminDetail>(at(code), undefined, signal);
export const policyReach = (code: string, signal?: AbortSignal) =>
  getJson<PolicyReach>(`${at(code)}/reach`, undefined, signal);
export const dryRun = (code: string, on: string) => sendJson<DryRun>('POST', `${at(code)}/dry-run`, { on });

/** Saves a draft: a new version, or (when `version` is given) the open draft replaced. */
export const saveDraft = (code: string, body: PolicyDraftBody, version?: number) =>
  version
    ? sendJson<PolicyVersionAnswer>('PUT', `${at(code)}/versions/${version}`, body)
    : sendJson<PolicyVersionAnswer>('POST', `${at(code)}/versions`, body);

export type VersionStep = 'submit' | 'approve' | 'reject';
export const versionStep = (code: string, version: number, step: VersionStep) =>
  sendJson<PolicyVersionAnswer>('POST', `${at(code)}/versions/${version}/${step}`, step === 'submit' ? undefined : {});
