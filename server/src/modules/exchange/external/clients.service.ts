/**
 * Department systems outside Tongban (部门业务系统) reach the exchange with an OAuth 2.0
 * client-credentials access token from Tongban's identity provider. An administrator registers the
 * provider's client here for one department, with its rate limit; the token then stands for that
 * department's system in queries, life events and the access log.
 */
import type { Selectable } from 'kysely';
import type { Actor } from '../../../platform/context.js';
import { appendAudit, auditEntry } from '../../../platform/audit/index.js';
import { conflict, forbidden, notFound, unauthorized } from '../../../platform/errors.js';
import { isUniqueViolation } from '../../../platform/db/index.js';
import { scopeCondition } from '../../../platform/scope.js';
import type { ExchangeDeps } from '../exchange.deps.js';
import { sq, type ClientTable } from '../exchange.tables.js';
import { requireDepartment } from '../sharing/access.js';

/** Department systems are registered by the department's data administrator, or for any department of the region by its system administrators. */
const CLIENT_ADMINISTRATION = { regionWide: ['system_admin'] };

export interface ExternalClient {
  clientId: string;
  name: string;
  departmentId: string;
  ratePerMinute: number;
}

export async function registerClient(
  deps: ExchangeDeps,
  actor: Actor,
  input: { clientId: string; name: string; departmentId: string; ratePerMinute: number },
): Promise<ExternalClient> {
  const department = await deps.departments.get(input.departmentId);
  requireDepartment(actor, department, CLIENT_ADMINISTRATION);
  try {
    await deps.db.transaction().execute(async (trx) => {
      await sq(trx)
        .insertInto('exchange.client')
        .values({ ...input, regionCode: department.regionCode, registeredBy: actor.id!, disabledAt: null })
        .execute();
      await appendAudit(
        trx,
        auditEntry(actor, 'exchange.client-registered', {
          targetType: 'exchange_client',
          targetId: input.clientId,
          detail: { departmentId: department.id, ratePerMinute: input.ratePerMinute },
        }),
        deps.auditKey,
      );
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw conflict('EXCHANGE.CLIENT_EXISTS', { zh: '该客户端已登记', en: 'This client is already registered' });
    throw e;
  }
  return {
    clientId: input.clientId,
    name: input.name,
    departmentId: department.id,
    ratePerMinute: input.ratePerMinute,
  };
}

export async function listClients(deps: ExchangeDeps, actor: Actor): Promise<Selectable<ClientTable>[]> {
  return sq(deps.db)
    .selectFrom('exchange.client')
    .selectAll()
    .where(scopeCondition(actor, { region: 'regionCode', department: 'departmentId' }, CLIENT_ADMINISTRATION))
    .orderBy('createdAt', 'desc')
    .execute();
}

export async function disableClient(deps: ExchangeDeps, actor: Actor, clientId: string): Promise<void> {
  const c = await sq(deps.db)
    .selectFrom('exchange.client')
    .selectAll()
    .where('clientId', '=', clientId)
    .where('disabledAt', 'is', null)
    .executeTakeFirst();
  const missing = notFound('EXCHANGE.NO_CLIENT', { zh: '客户端不存在或已停用', en: 'No such active client' });
  if (!c) throw missing;
  const department = await deps.departments.get(c.departmentId);
  requireDepartment(actor, department, CLIENT_ADMINISTRATION);
  await deps.db.transaction().execute(async (trx) => {
    await sq(trx)
      .updateTable('exchange.client')
      .set({ disabledAt: deps.now() })
      .where('clientId', '=', clientId)
      .execute();
    await appendAudit(
      trx,
      auditEntry(actor, 'exchange.client-disabled', { targetType: 'exchange_client', targetId: clientId }),
      deps.auditKey,
    );
  });
}

const refused = () =>
  unauthorized('EXCHANGE.CLIENT_TOKEN', {
    zh: '需要有效的客户端凭证访问令牌（OAuth 2.0 client credentials）',
    en: 'A valid client-credentials access token is required',
  });

/**
 * The registered, enabled client behind `Authorization: Bearer <access token>`; 401 otherwise, and
 * 403 for a valid token of a client not registered with the exchange.
 */
export async function authenticateClient(
  deps: ExchangeDeps,
  authorization: string | undefined,
): Promise<ExternalClient> {
  if (!authorization?.startsWith('Bearer ')) throw refused();
  const token = await deps.identity.verifyClientToken(authorization.slice(7).trim());
  if (!token) throw refused();
  const c = await sq(deps.db)
    .selectFrom('exchange.client')
    .select(['clientId', 'name', 'departmentId', 'ratePerMinute'])
    .where('clientId', '=', token.clientId)
    .where('disabledAt', 'is', null)
    .executeTakeFirst();
  if (!c)
    throw forbidden('EXCHANGE.CLIENT_NOT_REGISTERED', {
      zh: '该客户端未登记为部门业务系统',
      en: 'This client is not registered with the exchange',
    });
  return c;
}
