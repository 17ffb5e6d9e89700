/** Calls of 新建政策; shapes from contracts/policy-admin.ts and contracts/proactive.ts. */
import type { FactCatalogue, NewPolicyAnswer, NewPolicyBody } from '../../../../contracts/policy-admin';
import type { DryRun } from '../../../../contracts/proactive';
import { getJson, sendJson } from '../../app/http';

export type { FactCatalogue, FactView, NewPolicyAnswer, NewPolicyBody } from '../../../../contracts/policy-admin';
export type { DryRun } from '../../../../contracts/proactive';

export const factCatalogue = (signal?: AbortSignal) =>
  getJson<FactCatalogue>('/api/admin/proactive/facts', undefined, signal);
export const createPolicy = (body: NewPolicyBody) =>
  sendJson<NewPolicyAnswer>('POST', '/api/admin/proactive/policies', body);
/** 试运行 of a draft: the version dated in as if published. */
export const dryRunDraft = (code: string, version: number) =>
  sendJson<DryRun>('POST', `/api/admin/proactive/policies/${encodeURIComponent(code)}/dry-run`, { version });
