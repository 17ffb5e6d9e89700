/**
 * `relatives` (亲属回避): a staff account decided (approved or refused the case, or approved a task
 * of it) a case whose applicant shares the staff member's surname and address in the population
 * registry. Only kinship keys are compared — keyed hashes computed by the exchange — so neither
 * surname nor address is read here, stored or logged. The finding names the staff member and the
 * case, never the address; one per case and account.
 */
import type { FieldCipher } from '../../../platform/crypto/index.js';
import type { Db } from '../../../platform/db/index.js';
import type { CaseClockFacts, CaseSupervisionLog } from '../../cases/index.js';
import { kinshipKey } from '../../exchange/index.js';
import { personIdNumberIndex, staffDisplayNames, staffKinshipKeys } from '../../identity/index.js';
import type { Finding } from './case-rules.js';

const DECISION_NAMES: Record<string, { zh: string; en: string }> = {
  approved: { zh: '准予许可', en: 'approved the case' },
  refused: { zh: '不予许可', en: 'refused the case' },
  'task-approved': { zh: '审批通过环节', en: 'approved a step' },
};

export async function relativesDecided(
  db: Db,
  cipher: FieldCipher,
  c: CaseClockFacts,
  log: CaseSupervisionLog,
): Promise<Finding[]> {
  const deciders = [
    ...new Set(log.events.filter((e) => e.type in DECISION_NAMES && e.actorKind === 'staff').map((e) => e.actorId!)),
  ].filter(Boolean);
  const keys = await staffKinshipKeys(db, deciders);
  if (keys.size === 0) return [];
  const index = await personIdNumberIndex(db, c.applicantPersonId);
  const applicantKey = index ? await kinshipKey(db, cipher, index) : null;
  if (!applicantKey) return [];
  const related = [...keys].filter(([, key]) => key === applicantKey).map(([id]) => id);
  if (related.length === 0) return [];
  const names = await staffDisplayNames(db, related);
  return related.map((staffId) => {
    const decided = log.events.filter((e) => e.actorId === staffId && e.type in DECISION_NAMES);
    const what = [...new Set(decided.map((e) => e.type))].map((t) => DECISION_NAMES[t]!);
    const name = names.get(staffId) ?? '—';
    return {
      rule: 'relatives' as const,
      subjectKey: `${c.id}:${staffId}`,
      staffId,
      explanation: {
        zh: `工作人员 ${name} 对办件 ${c.trackingCode} 作出审批决定（${what.map((w) => w.zh).join('、')}），而该件申请人与其在人口库中同姓且同一住址，疑似未执行亲属回避。`,
        en: `Staff member ${name} decided case ${c.trackingCode} (${what.map((w) => w.en).join(', ')}) although its applicant shares their surname and address in the population registry: they should have stood aside.`,
        facts: { staff: name, case: c.trackingCode, decisions: decided.length },
      },
    };
  });
}
