/**
 * Which outbox events tell whom what: each rule turns an event into messages (a kind, a recipient,
 * the variables). Rules read other modules through their front doors only; an event about
 * something gone (a case deleted, an account closed) tells nobody.
 */
import type { OutboxEvent } from '../../../platform/outbox-dispatcher.js';
import type { Db } from '../../../platform/db/index.js';
import type { FieldCipher } from '../../../platform/crypto/index.js';
import { listCaseSummaries, type CaseSummary } from '../../cases/index.js';
import { staffOfDepartment, staffOfRegion } from '../../identity/index.js';
import { POLICIES } from '../../proactive/index.js';
import type { MessageKindName } from '../templates/catalogue.js';
import type { EventPayload, Topic } from '../../../../../contracts/events.js';
import { isUuid } from '../../../platform/validators/index.js';

type Recipients = EventPayload<'supervision.order-issued'>['recipients'];

export type Recipient = { kind: 'person' | 'staff'; id: string } | { kind: 'address'; phoneEnc: string };

export interface Planned {
  kind: MessageKindName;
  recipient: Recipient;
  vars: Record<string, string>;
  link?: string;
}

/**
 * What the rules of a batch of events read, each read once for the batch: its cases (one query for
 * all), and the staff of a department in a role.
 */
export interface BatchFacts {
  caseOf(caseId: unknown): CaseSummary | undefined;
  staffOfDepartment(departmentId: string, roles: readonly string[]): Promise<string[]>;
}

/** The batch's facts: the cases its case events name, in one query. */
export async function batchFacts(db: Db, events: readonly OutboxEvent[]): Promise<BatchFacts> {
  const caseIds = events.flatMap((e) => {
    const id = e.topic.startsWith('cases.') ? (e.payload as Payload | null)?.caseId : undefined;
    return typeof id === 'string' && isUuid(id) ? [id] : [];
  });
  const cases = await listCaseSummaries(db, caseIds);
  const staff = new Map<string, Promise<string[]>>();
  return {
    caseOf: (caseId) => (typeof caseId === 'string' ? cases.get(caseId) : undefined),
    staffOfDepartment: (departmentId, roles) => {
      const key = `${departmentId}:${roles.join(',')}`;
      if (!staff.has(key)) staff.set(key, staffOfDepartment(db, departmentId, roles));
      return staff.get(key)!;
    },
  };
}

type Rule = (event: OutboxEvent, db: Db, cipher: FieldCipher, facts: BatchFacts) => Promise<Planned[]>;
type Payload = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** A case event for the applicant: the item and tracking code as variables, the case page as link. */
const toApplicant =
  (...kinds: MessageKindName[]): Rule =>
  async (event, _db, _cipher, facts) => {
    const p = event.payload as Payload;
    const c = facts.caseOf(p.caseId);
    if (!c) return [];
    const vars: Record<string, string> = { itemName: c.itemName, trackingCode: c.trackingCode };
    if (str(p.decision)) vars.decision = String(p.decision);
    if (str(p.decisionNo)) vars.decisionNo = String(p.decisionNo);
    return kinds.map((kind) => ({
      kind,
      recipient: { kind: 'person', id: c.applicantPersonId },
      vars,
      link: `/me/cases/${c.id}`,
    }));
  };

/**
 * The staff a supervision event is for (`Recipients` in contracts/events.ts): the named staff, and
 * the holders of the named roles in the named department (a red card goes to the department head),
 * and the supervisors (效能监察, role `supervisor`) of the supervising region — the region above, to
 * which a red card escalates.
 */
async function staffOf(db: Db, r: Recipients): Promise<string[]> {
  const ids = [...(r.staffIds ?? []), ...(r.staffId ? [r.staffId] : [])];
  if (r.departmentId && r.roles?.length) ids.push(...(await staffOfDepartment(db, r.departmentId, r.roles)));
  if (r.supervisingRegion) ids.push(...(await staffOfRegion(db, r.supervisingRegion, ['supervisor'])));
  return [...new Set(ids.filter(isUuid))];
}

const toRecipients =
  (
    kind: (p: Payload) => MessageKindName,
    vars: (p: Payload) => Record<string, string>,
    link: (p: Payload) => string | undefined = () => '/supervision',
  ): Rule =>
  async (event, db) => {
    const p = event.payload as Payload & { recipients: Recipients };
    return (await staffOf(db, p.recipients)).map((id) => ({
      kind: kind(p),
      recipient: { kind: 'staff', id },
      vars: vars(p),
      link: link(p),
    }));
  };

/** A warning about one case opens it in the workbench. */
const warningLink = (p: Payload): string | undefined => {
  const caseId = ((p.warnings ?? []) as { caseId: string | null }[])[0]?.caseId;
  return caseId ? `/workbench/cases/${caseId}` : undefined;
};

/** A 黄牌/红牌 digest: one message per person, naming the first clock and how many there are. */
const warningVars = (p: Payload): Record<string, string> => {
  const warnings = (p.warnings ?? []) as { title: string | null; reference: string | null; dueOn: string | null }[];
  const first = warnings[0];
  const subject = first?.title ?? first?.reference ?? '';
  const vars: Record<string, string> = { subject, dueAt: first?.dueOn ?? '' };
  if (warnings.length > 1) vars.count = String(warnings.length);
  return vars;
};

/**
 * 主动服务 for the person with an account (an enterprise's credit code, or a person without an
 * account, is told nothing here: they see it when they sign in): the policy's name in both
 * languages, the amount when the payload has one, and 我的待遇 as link.
 */
const toBeneficiary =
  (kind: MessageKindName): Rule =>
  async (event) => {
    const p = event.payload as Payload;
    const person = str(p.accountId);
    if (!person) return [];
    const code = str(p.policyCode);
    const policy = POLICIES.find((x) => x.code === code);
    const vars: Record<string, string> = {
      policyName: policy?.name.zh ?? str(p.policyName) ?? '',
      // A console-made policy is not in the code: its English name comes with the event.
      policyNameEn: policy?.name.en ?? str(p.policyNameEn) ?? str(p.policyName) ?? '',
    };
    if (kind === 'benefit-granted') vars.amount = typeof p.amount === 'number' ? String(p.amount) : '';
    return [{ kind, recipient: { kind: 'person', id: person }, vars, link: '/me/benefits' }];
  };

export const RULES: Partial<Record<Topic, Rule>> = {
  'identity.sms-requested': async (event, _db, cipher) => {
    const p = event.payload as Payload;
    const to = str(p.to);
    const code = str(p.code);
    return to && code
      ? [{ kind: 'sms-code', recipient: { kind: 'address', phoneEnc: to }, vars: { code: cipher.decrypt(code) } }]
      : [];
  },
  'cases.case-accepted': toApplicant('case-accepted'),
  'cases.case-not-accepted': toApplicant('case-not-accepted'),
  'cases.case-supplement-requested': toApplicant('case-supplement'),
  'cases.case-decided': toApplicant('case-decided', 'rating-invitation'),
  'cases.case-delivery-dispatch': toApplicant('result-dispatched'),
  'cases.case-fee-due': toApplicant('fee-due'),
  'cases.case-submitted': async (event, _db, _cipher, facts) => {
    const c = facts.caseOf((event.payload as Payload).caseId);
    if (!c || c.status !== 'submitted') return [];
    const clerks = await facts.staffOfDepartment(c.departmentId, ['window_clerk']);
    const vars = { itemName: c.itemName, trackingCode: c.trackingCode };
    return clerks.map((id) => ({
      kind: 'queue-item',
      recipient: { kind: 'staff', id },
      vars,
      link: `/workbench/cases/${c.id}`,
    }));
  },
  'supervision.complaint-answered': async (event) => {
    const p = event.payload as Payload;
    const person = str(p.complainantPersonId);
    return person
      ? [
          {
            kind: 'complaint-answered',
            recipient: { kind: 'person', id: person },
            vars: { reference: str(p.reference) ?? '' },
            link: '/me/complaints',
          },
        ]
      : [];
  },
  'evaluation.rectification-opened': async (event, db) => {
    const p = event.payload as Payload;
    const heads = await staffOfDepartment(db, String(p.departmentId), ['department_head']);
    return heads.map((id) => ({
      kind: 'bad-review',
      recipient: { kind: 'staff', id },
      vars: { rectifyDue: str(p.rectifyDue) ?? '' },
    }));
  },
  'supervision.warning-raised': toRecipients(
    (p) => (p.level === 'red' ? 'warning-red' : 'warning-yellow'),
    warningVars,
    warningLink,
  ),
  'supervision.order-issued': toRecipients(
    () => 'supervision-order',
    (p) => ({ subject: str(p.subject) ?? str(p.reference) ?? '', dueAt: str(p.dueOn) ?? '' }),
  ),
  'supervision.order-answered': toRecipients(
    () => 'order-answered',
    (p) => ({ reference: str(p.reference) ?? '' }),
  ),
  'proactive.benefit-granted': toBeneficiary('benefit-granted'),
  'proactive.offer-made': toBeneficiary('offer-made'),
  'proactive.grant-under-review': toBeneficiary('grant-under-review'),
};
