/**
 * 我的待遇 / 可享政策: a signed-in person's automatic grants and offers (and, while acting for an
 * enterprise, the enterprise's — 惠企政策), each with its explanation and, for an offer, the
 * application then filed (申请中 / 已准予 with its 办件编号); declining a grant or an
 * offer, accepting an offer (the answer names the item to apply for where they live), and switching
 * offers off. Rows are the caller's only: their registry person, or the enterprise they act for.
 */
import { sql, type SqlBool } from 'kysely';
import type { Actor } from '../../platform/context.js';
import { conflict, notFound, unauthorized } from '../../platform/errors.js';
import type { Entitlement, Offer } from '../../../../contracts/proactive.js';
import { findItemServing } from '../catalog/index.js';
import { registryPersonOf } from '../identity/index.js';
import type { ProactiveDeps } from './proactive.deps.js';
import { pq } from './proactive.tables.js';
import { findBasePolicy } from './admin/policy-book.js';

interface Owner {
  registryPersonId: string | null;
  creditCode: string | null;
}

async function ownerOf(deps: ProactiveDeps, actor: Actor): Promise<Owner> {
  if (actor.kind !== 'person' || !actor.id)
    throw unauthorized('AUTH.REQUIRED', { zh: '请先登录', en: 'Sign-in required' });
  // Acting for an enterprise: its policies (惠企政策); otherwise the person's own.
  if (actor.actingFor) return { registryPersonId: null, creditCode: actor.actingFor.creditCode };
  return { registryPersonId: (await registryPersonOf(deps.db, actor.id)) ?? null, creditCode: null };
}

/** The caller's rows: the enterprise's while acting for one, else their registry person's (none without one). */
const ownedBy = (owner: Owner) =>
  owner.creditCode
    ? sql<SqlBool>`${sql.ref('creditCode')} = ${owner.creditCode}`
    : owner.registryPersonId
      ? sql<SqlBool>`${sql.ref('beneficiaryPersonId')} = ${owner.registryPersonId}`
      : sql<SqlBool>`false`;

/** A policy's name: in code or made in the console (its code is never shown). */
const policyText = async (deps: ProactiveDeps, code: string) =>
  (await findBasePolicy(deps.db, code))?.name ?? { zh: '政策', en: 'policy' };

export async function listEntitlements(deps: ProactiveDeps, actor: Actor): Promise<Entitlement[]> {
  const owner = await ownerOf(deps, actor);
  const rows = await pq(deps.db)
    .selectFrom('proactive.grant')
    .selectAll()
    .where(ownedBy(owner))
    .orderBy('grantedAt', 'desc')
    .limit(200)
    .execute();
  const names = new Map<string, Awaited<ReturnType<typeof policyText>>>();
  for (const code of new Set(rows.map((r) => r.policyCode))) names.set(code, await policyText(deps, code));
  return rows.map((r) => ({
    id: r.id,
    policy: names.get(r.policyCode)!,
    period: r.period,
    status: r.status,
    amount: r.amount == null ? null : Number(r.amount),
    grantedAt: r.grantedAt.toISOString(),
    trackingCode: r.trackingCode,
    caseId: r.caseId,
    explanation: r.explanation,
  }));
}

async function findOwnOffer(deps: ProactiveDeps, owner: Owner, id: string) {
  const row = await pq(deps.db)
    .selectFrom('proactive.offer')
    .selectAll()
    .where('id', '=', id)
    .where(ownedBy(owner))
    .executeTakeFirst();
  if (!row) throw notFound('PROACTIVE.OFFER_NOT_FOUND', { zh: '未找到该政策提醒', en: 'No such offer' });
  return row;
}

type OfferRow = Awaited<ReturnType<typeof findOwnOffer>>;

async function offerView(deps: ProactiveDeps, r: OfferRow): Promise<Offer> {
  const policy = await findBasePolicy(deps.db, r.policyCode);
  const item = policy?.itemBasicCode ? await findItemServing(deps.db, policy.itemBasicCode, r.regionCode) : undefined;
  return {
    id: r.id,
    policy: policy?.name ?? { zh: '政策', en: 'policy' },
    summary: policy?.summary ?? { zh: '', en: '' },
    period: r.period,
    status: r.status,
    offeredAt: r.offeredAt.toISOString(),
    item: item ? { code: item.code, name: item.name } : null,
    application:
      r.caseId && r.trackingCode ? { caseId: r.caseId, trackingCode: r.trackingCode, decision: r.caseDecision } : null,
    explanation: r.explanation,
  };
}

export async function listOffers(
  deps: ProactiveDeps,
  actor: Actor,
): Promise<{ offersWanted: boolean; offers: Offer[] }> {
  const owner = await ownerOf(deps, actor);
  const offersWanted = await wantsOffers(deps, owner);
  const rows = await pq(deps.db)
    .selectFrom('proactive.offer')
    .selectAll()
    .where(ownedBy(owner))
    .orderBy('offeredAt', 'desc')
    .limit(200)
    .execute();
  return { offersWanted, offers: await Promise.all(rows.map((r) => offerView(deps, r))) };
}

/** 接受 or 不需要: an open offer is answered once; answering it again the same way answers the same. */
export async function answerOffer(
  deps: ProactiveDeps,
  actor: Actor,
  id: string,
  answer: 'accepted' | 'declined',
): Promise<Offer> {
  const owner = await ownerOf(deps, actor);
  const row = await findOwnOffer(deps, owner, id);
  if (row.status === answer) return offerView(deps, row);
  if (row.status !== 'open')
    throw conflict('PROACTIVE.OFFER_ANSWERED', {
      zh: row.status === 'accepted' ? '该政策提醒已接受' : '该政策提醒已标记为不需要',
      en: row.status === 'accepted' ? 'This offer was already accepted' : 'This offer was already declined',
    });
  const updated = await pq(deps.db)
    .updateTable('proactive.offer')
    .set({ status: answer, answeredAt: deps.now() })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .returningAll()
    .executeTakeFirst();
  return offerView(deps, updated ?? (await findOwnOffer(deps, owner, id)));
}

/** 放弃: the person declines an automatic grant (the decided case stays in the record). */
export async function declineGrant(deps: ProactiveDeps, actor: Actor, id: string): Promise<Entitlement> {
  const owner = await ownerOf(deps, actor);
  const done = await pq(deps.db)
    .updateTable('proactive.grant')
    .set({ status: 'declined', declinedAt: deps.now() })
    .where('id', '=', id)
    .where('status', '=', 'granted')
    .where(ownedBy(owner))
    .returning('id')
    .executeTakeFirst();
  const mine = (await listEntitlements(deps, actor)).find((e) => e.id === id);
  if (!mine) throw notFound('PROACTIVE.GRANT_NOT_FOUND', { zh: '未找到该待遇', en: 'No such grant' });
  if (!done && mine.status !== 'declined')
    throw conflict('PROACTIVE.GRANT_UNDER_REVIEW', {
      zh: '该待遇正在复核，暂不能放弃',
      en: 'This grant is under review',
    });
  return mine;
}

async function wantsOffers(deps: ProactiveDeps, owner: Owner): Promise<boolean> {
  if (!owner.registryPersonId) return true;
  const row = await pq(deps.db)
    .selectFrom('proactive.preference')
    .select('offersWanted')
    .where('registryPersonId', '=', owner.registryPersonId)
    .executeTakeFirst();
  return row?.offersWanted ?? true;
}

/** 政策提醒开关: whether the person wants offers at all (their existing offers stay). */
export async function setOfferPreference(
  deps: ProactiveDeps,
  actor: Actor,
  offersWanted: boolean,
): Promise<{ offersWanted: boolean }> {
  const owner = await ownerOf(deps, actor);
  if (!owner.registryPersonId)
    throw conflict('PROACTIVE.NO_REGISTRY_RECORD', {
      zh: '您的账号未关联人口库记录，无法设置政策提醒',
      en: 'Your account is not linked to a registry record',
    });
  await pq(deps.db)
    .insertInto('proactive.preference')
    .values({ registryPersonId: owner.registryPersonId, offersWanted, updatedAt: deps.now() })
    .onConflict((oc) => oc.column('registryPersonId').doUpdateSet({ offersWanted, updatedAt: deps.now() }))
    .execute();
  return { offersWanted };
}
