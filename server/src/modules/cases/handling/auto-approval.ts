/**
 * 秒批: when the process has rules and they all hold on verified data (the population and
 * legal-entity registries, never what the applicant typed), judged by the platform's rule engine
 * (`CasesDeps.autoApproval`), the case is accepted and approved by the system at once; the approval
 * keeps the engine's explanation, each rule in words with the value it read.
 */
import type { Item } from '../../../../../contracts/catalog.js';
import type { ProcessDefinition } from '../../../../../contracts/cases.js';
import { SYSTEM, type Actor } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/index.js';
import { registryPersonOf } from '../../identity/index.js';
import type { CasesDeps } from '../cases.deps.js';
import { beijingDate } from '../process/clock.js';
import { recordDecision } from '../process/decision.js';
import { approveAtOnce } from './approve-at-once.js';
import { currentMaterials, unmetMaterials } from './completeness.js';

/** Whether the new case was approved at once. */
export async function tryAutoApproval(
  trx: Db,
  deps: Pick<CasesDeps, 'autoApproval'>,
  actor: Actor & { id: string },
  c: { caseId: string; item: Item; definition: ProcessDefinition; version: number },
  at: Date,
): Promise<boolean> {
  const { caseId, item, definition } = c;
  if (!definition.autoApproval || !deps.autoApproval) return false;
  // 准予 only on complete materials: what the application lacks goes to the window instead.
  if (unmetMaterials(item, await currentMaterials(trx, caseId), 'decide').length) return false;
  const registryPersonId = await registryPersonOf(trx, actor.id);
  if (!registryPersonId) return false;
  const explanation = await deps.autoApproval.judge(
    trx,
    { registryPersonId, creditCode: actor.actingFor?.creditCode },
    definition.autoApproval.rules,
    { day: beijingDate(at), version: c.version, legalBasis: item.legalBasis },
  );
  if (!explanation?.eligible) return false;
  await approveAtOnce(trx, {
    caseId,
    at,
    note: '秒批：经核验数据符合全部条件，系统自动准予',
    acceptedDetail: { auto: true },
    approvedDetail: { auto: true, rules: definition.autoApproval.rules.length, explanation },
  });
  await recordDecision(
    trx,
    {
      id: caseId,
      departmentId: item.department.id,
      itemCode: item.code,
      applicantPersonId: actor.id,
      applicantEnterpriseId: actor.actingFor?.enterpriseId ?? null,
    },
    'approved',
    at,
    SYSTEM.id,
  );
  return true;
}
