/**
 * Legal persons (法人): an enterprise account by its 统一社会信用代码, opened by its legal
 * representative as the legal-entity registry (法人库) names them; agents (经办人 / 委托代理人)
 * authorised by the legal representative with scopes and an expiry; a person switches between
 * acting for themselves and for any enterprise that authorised them.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../platform/context.js';
import { isUniqueViolation } from '../../../platform/db/index.js';
import { conflict, forbidden, invalid, notFound, unauthorized, unprocessable } from '../../../platform/errors.js';
import { maskName } from '../../../platform/privacy/index.js';
import { parseCreditCode } from '../../../platform/validators/index.js';
import { findLegalEntity } from '../../exchange/index.js';
import type { IdentityDeps } from '../identity.deps.js';
import { iq } from '../identity.tables.js';
import { recordAudit, type RequestMeta } from '../audit.js';
import { liveAuthorisation, setActingFor } from '../sessions/sessions.js';
import { forgetCachedAuth } from '../sessions/auth-cache.js';

/** What an agent may be authorised to do. 申报 / 查询办件 / 使用证照. */
export const AGENT_SCOPES = ['apply', 'track', 'licenses'] as const;
export type AgentScope = (typeof AGENT_SCOPES)[number];

const personOf = (actor: Actor): string => {
  if (actor.kind === 'anonymous') throw unauthorized('AUTH.REQUIRED', { zh: '请先登录', en: 'Sign-in required' });
  if (actor.kind !== 'person' || !actor.id)
    throw forbidden('IDENTITY.PERSON_ONLY', { zh: '仅限个人用户办理', en: 'Only a signed-in person can do this' });
  return actor.id;
};

/** Opens (or joins) the enterprise account as its legal representative. */
export async function claimEnterprise(
  deps: IdentityDeps,
  actor: Actor,
  creditCodeRaw: string,
  meta: RequestMeta,
): Promise<{ enterpriseId: string; name: string }> {
  const personId = personOf(actor);
  const parsed = parseCreditCode(creditCodeRaw);
  if (!parsed.ok) {
    throw invalid(
      'IDENTITY.BAD_CREDIT_CODE',
      { zh: '统一社会信用代码无效', en: 'The unified social credit code is not valid' },
      [
        {
          field: 'body.creditCode',
          code: 'IDENTITY.BAD_CREDIT_CODE',
          message: { zh: '统一社会信用代码校验未通过', en: 'Credit code check failed' },
        },
      ],
    );
  }
  const { db } = deps;
  const entity = await findLegalEntity(db, parsed.value.code);
  const me = await iq(db)
    .selectFrom('identity.personAccount')
    .select(['registryPersonId'])
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  if (!entity || entity.status !== 'active' || entity.legalRepresentativeId !== me.registryPersonId) {
    await recordAudit(
      deps,
      db,
      { id: personId, kind: 'person' },
      'identity.enterprise-claim-refused',
      { type: 'enterprise', id: parsed.value.code },
      meta,
    );
    throw forbidden('IDENTITY.NOT_LEGAL_REPRESENTATIVE', {
      zh: '登记信息显示您不是该企业的法定代表人',
      en: 'The registry does not name you as this enterprise’s legal representative',
    });
  }
  return db.transaction().execute(async (trx) => {
    let enterprise = await iq(trx)
      .selectFrom('identity.enterpriseAccount')
      .select(['id', 'name'])
      .where('creditCode', '=', entity.creditCode)
      .executeTakeFirst();
    if (!enterprise) {
      enterprise = { id: randomUUID(), name: entity.name };
      await iq(trx)
        .insertInto('identity.enterpriseAccount')
        .values({
          id: enterprise.id,
          creditCode: entity.creditCode,
          name: entity.name,
          regionCode: entity.regionCode,
          createdBy: personId,
        })
        .execute();
    }
    // A new legal representative replaces the previous one.
    await iq(trx)
      .updateTable('identity.enterpriseAgent')
      .set({ revokedAt: deps.now() })
      .where('enterpriseId', '=', enterprise.id)
      .where('role', '=', 'legal_representative')
      .where('personId', '!=', personId)
      .where('revokedAt', 'is', null)
      .execute();
    forgetCachedAuth();
    const existing = await iq(trx)
      .selectFrom('identity.enterpriseAgent')
      .select('id')
      .where('enterpriseId', '=', enterprise.id)
      .where('personId', '=', personId)
      .where('revokedAt', 'is', null)
      .executeTakeFirst();
    if (existing)
      await iq(trx)
        .updateTable('identity.enterpriseAgent')
        .set({ role: 'legal_representative', scopes: [...AGENT_SCOPES], expiresAt: null })
        .where('id', '=', existing.id)
        .execute();
    else
      await iq(trx)
        .insertInto('identity.enterpriseAgent')
        .values({
          id: randomUUID(),
          enterpriseId: enterprise.id,
          personId,
          role: 'legal_representative',
          scopes: [...AGENT_SCOPES],
          expiresAt: null,
          grantedBy: personId,
          revokedAt: null,
        })
        .execute();
    await recordAudit(
      deps,
      trx,
      { id: personId, kind: 'person', onBehalfOf: enterprise.id },
      'identity.enterprise-claimed',
      { type: 'enterprise', id: enterprise.id },
      meta,
    );
    return { enterpriseId: enterprise.id, name: enterprise.name };
  });
}

async function requireLegalRepresentative(deps: IdentityDeps, actor: Actor, enterpriseId: string): Promise<string> {
  const personId = personOf(actor);
  const auth = await liveAuthorisation(deps.db, personId, enterpriseId, deps.now());
  // Not revealing whether the enterprise exists to people who have nothing to do with it.
  if (!auth)
    throw notFound('IDENTITY.NO_ENTERPRISE', {
      zh: '企业不存在或您无权管理',
      en: 'No such enterprise, or not yours to manage',
    });
  if (auth.role !== 'legal_representative')
    throw forbidden('IDENTITY.LEGAL_REPRESENTATIVE_ONLY', {
      zh: '仅法定代表人可管理经办人',
      en: 'Only the legal representative manages agents',
    });
  return personId;
}

export interface AgentView {
  id: string;
  name: string;
  role: 'legal_representative' | 'agent';
  scopes: string[];
  expiresAt: Date | null;
  grantedAt: Date;
  active: boolean;
}

export async function listAgents(deps: IdentityDeps, actor: Actor, enterpriseId: string): Promise<AgentView[]> {
  await requireLegalRepresentative(deps, actor, enterpriseId);
  const now = deps.now();
  const rows = await iq(deps.db)
    .selectFrom('identity.enterpriseAgent as a')
    .innerJoin('identity.personAccount as p', 'p.id', 'a.personId')
    .select(['a.id', 'p.name', 'a.role', 'a.scopes', 'a.expiresAt', 'a.grantedAt', 'a.revokedAt'])
    .where('a.enterpriseId', '=', enterpriseId)
    .orderBy('a.grantedAt')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: maskName(r.name),
    role: r.role,
    scopes: r.scopes,
    expiresAt: r.expiresAt,
    grantedAt: r.grantedAt,
    active: !r.revokedAt && (!r.expiresAt || r.expiresAt > now),
  }));
}

export async function grantAgent(
  deps: IdentityDeps,
  actor: Actor,
  enterpriseId: string,
  input: { idNumber: string; name: string; scopes: AgentScope[]; expiresAt: Date },
  meta: RequestMeta,
): Promise<{ agentId: string }> {
  const grantor = await requireLegalRepresentative(deps, actor, enterpriseId);
  const now = deps.now();
  if (input.expiresAt <= now || input.expiresAt.getTime() - now.getTime() > 3 * 365 * 86_400_000) {
    throw invalid(
      'IDENTITY.BAD_EXPIRY',
      { zh: '授权期限须在今后三年以内', en: 'An authorisation must end within the next three years' },
      [{ field: 'body.expiresAt', code: 'IDENTITY.BAD_EXPIRY', message: { zh: '授权期限无效', en: 'Invalid expiry' } }],
    );
  }
  const { db, cipher } = deps;
  const agent = await iq(db)
    .selectFrom('identity.personAccount')
    .select(['id', 'name'])
    .where('idNumberIndex', '=', cipher.blindIndex(input.idNumber.trim().toUpperCase()))
    .where('active', '=', true)
    .executeTakeFirst();
  if (!agent || agent.name !== input.name.trim()) {
    throw unprocessable('IDENTITY.AGENT_NOT_FOUND', {
      zh: '未找到与姓名和证件号码相符的实名用户，被授权人须先注册',
      en: 'No registered person matches that name and ID number; the agent must register first',
    });
  }
  if (agent.id === grantor)
    throw conflict('IDENTITY.SELF_AUTHORISATION', { zh: '不能授权给自己', en: 'You cannot authorise yourself' });
  const agentId = randomUUID();
  await db
    .transaction()
    .execute(async (trx) => {
      await iq(trx)
        .insertInto('identity.enterpriseAgent')
        .values({
          id: agentId,
          enterpriseId,
          personId: agent.id,
          role: 'agent',
          scopes: [...new Set(input.scopes)],
          expiresAt: input.expiresAt,
          grantedBy: grantor,
          revokedAt: null,
        })
        .execute();
      await recordAudit(
        deps,
        trx,
        { id: grantor, kind: 'person', onBehalfOf: enterpriseId },
        'identity.agent-granted',
        { type: 'enterprise-agent', id: agentId },
        meta,
        {
          detail: { scopes: input.scopes, expiresAt: input.expiresAt.toISOString() },
        },
      );
    })
    .catch((e: unknown) => {
      if (isUniqueViolation(e))
        throw conflict('IDENTITY.ALREADY_AGENT', {
          zh: '此人已是该企业的经办人，请先撤销原授权',
          en: 'This person is already an agent; revoke the current authorisation first',
        });
      throw e;
    });
  return { agentId };
}

export async function revokeAgent(
  deps: IdentityDeps,
  actor: Actor,
  enterpriseId: string,
  agentId: string,
  meta: RequestMeta,
): Promise<void> {
  const grantor = await requireLegalRepresentative(deps, actor, enterpriseId);
  await deps.db.transaction().execute(async (trx) => {
    const row = await iq(trx)
      .updateTable('identity.enterpriseAgent')
      .set({ revokedAt: deps.now() })
      .where('id', '=', agentId)
      .where('enterpriseId', '=', enterpriseId)
      .where('role', '=', 'agent')
      .where('revokedAt', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!row) throw notFound('IDENTITY.NO_AGENT', { zh: '授权不存在或已撤销', en: 'No such live authorisation' });
    forgetCachedAuth();
    await recordAudit(
      deps,
      trx,
      { id: grantor, kind: 'person', onBehalfOf: enterpriseId },
      'identity.agent-revoked',
      { type: 'enterprise-agent', id: agentId },
      meta,
    );
  });
}

/** Switches the session to acting for an enterprise (or back to oneself with `null`). */
export async function actFor(
  deps: IdentityDeps,
  actor: Actor,
  sessionHash: string,
  enterpriseId: string | null,
  meta: RequestMeta,
): Promise<Actor['actingFor'] | null> {
  const personId = personOf(actor);
  const auth = enterpriseId ? await liveAuthorisation(deps.db, personId, enterpriseId, deps.now()) : undefined;
  if (enterpriseId && !auth)
    throw forbidden('IDENTITY.NOT_AUTHORISED', {
      zh: '您没有该企业的有效授权',
      en: 'You hold no live authorisation for this enterprise',
    });
  await deps.db.transaction().execute(async (trx) => {
    await setActingFor(trx, sessionHash, enterpriseId);
    await recordAudit(
      deps,
      trx,
      { id: personId, kind: 'person', onBehalfOf: enterpriseId },
      'identity.acting-for-changed',
      { type: 'enterprise', id: enterpriseId },
      meta,
    );
  });
  return auth ?? null;
}
