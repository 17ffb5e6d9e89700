/**
 * 新政策: a policy officer makes a policy in the console — its name, whom it is for, how it is given
 * (免申即享 or 政策找人), the period and the life events that trigger it — with its first version
 * (conditions over the registry facts, regional parameters, amount, examples) as a draft. The
 * version goes through review like any other; the policy is judged from the day its first
 * published version takes effect. Codes are made here (they are never shown to a person).
 */
import { randomBytes } from 'node:crypto';
import type { NewPolicyAnswer, NewPolicyBody } from '../../../../../contracts/policy-admin.js';
import type { Actor } from '../../../platform/context.js';
import { conflict } from '../../../platform/errors.js';
import type { ProactiveDeps } from '../proactive.deps.js';
import type { Policy } from '../rules/language.js';
import { loadPolicies } from './policy-book.js';
import { insertPolicy } from './policies.repository.js';
import { assertOfficer, audit, checkedOrThrow, examplesWith } from './versions.service.js';
import * as repo from './versions.repository.js';

export async function createPolicy(deps: ProactiveDeps, actor: Actor, body: NewPolicyBody): Promise<NewPolicyAnswer> {
  assertOfficer(actor);
  return deps.db.transaction().execute(async (trx) => {
    const taken = (await loadPolicies(trx)).find((p) => p.name.zh === body.name.zh);
    if (taken)
      throw conflict('PROACTIVE.POLICY_EXISTS', {
        zh: `已有名为“${body.name.zh}”的政策，请在该政策下起草新版本`,
        en: `A policy named “${body.name.en}” exists: draft a new version of it`,
      });
    const policy = {
      code: `policy-${randomBytes(5).toString('hex')}`,
      name: body.name,
      summary: body.summary,
      subject: body.subject,
      mode: body.mode,
      ...(body.itemBasicCode ? { itemBasicCode: body.itemBasicCode } : {}),
      period: body.period,
      triggers: body.triggers,
      beneficiary: body.beneficiary,
      versions: [],
      examples: [],
    } as Policy;
    const version = await checkedOrThrow(trx, deps, policy, body.version, 1);
    await insertPolicy(trx, policy, actor.id, deps.now());
    await repo.insertVersion(trx, policy.code, version, body.version, actor.id, deps.now());
    await audit(trx, deps, actor, 'created', policy.code, {
      name: body.name.zh,
      subject: body.subject,
      mode: body.mode,
    });
    return {
      code: policy.code,
      version: 1,
      status: 'draft' as const,
      examples: await examplesWith(trx, policy.code, body.version, version),
    };
  });
}
