/**
 * Subscriptions to life events (事件订阅): a department is told of the events it names that happen
 * within its region — in its inbox inside Tongban, or by a signed webhook to its own system. A
 * webhook's secret is generated here, shown once and stored encrypted.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Actor } from '../../../platform/context.js';
import { appendAudit, auditEntry } from '../../../platform/audit/index.js';
import { invalid, notFound } from '../../../platform/errors.js';
import { scopeCondition } from '../../../platform/scope.js';
import type { ExchangeDeps } from '../exchange.deps.js';
import { sq, type LifeEventType } from '../exchange.tables.js';
import { requireDepartment } from '../sharing/access.js';
import { checkTarget, OutboundRefused } from '../../../platform/net/index.js';

export interface NewSubscription {
  departmentId: string;
  eventTypes: LifeEventType[];
  channel: 'inbox' | 'webhook';
  url?: string | undefined;
}

export interface SubscriptionView {
  id: string;
  departmentId: string;
  eventTypes: string[];
  channel: 'inbox' | 'webhook';
  url: string | null;
  active: boolean;
  createdAt: Date;
}

/**
 * A webhook target: http(s) without credentials (https only in production), its host resolving to
 * public addresses only — checked again at every delivery (platform/net).
 */
async function checkUrl(deps: ExchangeDeps, url: string | undefined): Promise<string> {
  try {
    return (await checkTarget(url ?? '', deps.outbound)).toString();
  } catch (e) {
    if (!(e instanceof OutboundRefused)) throw e;
    if (e.reason === 'forbidden-address')
      throw invalid('EXCHANGE.WEBHOOK_TARGET_FORBIDDEN', {
        zh: '回调地址须为公网地址，不能指向内网、本机或链路本地地址',
        en: 'A webhook must go to a public address, not a private, loopback or link-local one',
      });
    if (e.reason === 'unresolved')
      throw invalid('EXCHANGE.WEBHOOK_TARGET_UNRESOLVED', {
        zh: '回调地址的域名无法解析',
        en: 'The webhook host name does not resolve',
      });
    throw invalid(
      'EXCHANGE.BAD_WEBHOOK_URL',
      deps.outbound.requireHttps
        ? {
            zh: '回调地址须为 https 地址，且不含用户名和密码',
            en: 'A webhook URL must be https, without user name or password',
          }
        : {
            zh: '回调地址须为 http(s) 地址，且不含用户名和密码',
            en: 'A webhook URL must be http(s), without user name or password',
          },
    );
  }
}

export async function subscribe(
  deps: ExchangeDeps,
  actor: Actor,
  input: NewSubscription,
): Promise<{ id: string; secret: string | null }> {
  const department = await deps.departments.get(input.departmentId);
  requireDepartment(actor, department);
  const webhook = input.channel === 'webhook';
  const url = webhook ? await checkUrl(deps, input.url) : null;
  if (!webhook && input.url)
    throw invalid('EXCHANGE.BAD_WEBHOOK_URL', {
      zh: '站内收件箱订阅不需要回调地址',
      en: 'An inbox subscription has no URL',
    });
  const secret = webhook ? `whsec_${randomBytes(32).toString('base64url')}` : null;
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    await sq(trx)
      .insertInto('exchange.subscription')
      .values({
        id,
        departmentId: department.id,
        regionCode: department.regionCode,
        eventTypes: [...new Set(input.eventTypes)],
        channel: input.channel,
        url,
        secretEnc: secret ? deps.cipher.encrypt(secret) : null,
        createdBy: actor.id!,
      })
      .execute();
    await appendAudit(
      trx,
      auditEntry(actor, 'exchange.subscribed', {
        targetType: 'subscription',
        targetId: id,
        detail: { departmentId: department.id, eventTypes: input.eventTypes, channel: input.channel, url },
      }),
      deps.auditKey,
    );
  });
  return { id, secret };
}

export async function listSubscriptions(deps: ExchangeDeps, actor: Actor): Promise<SubscriptionView[]> {
  return sq(deps.db)
    .selectFrom('exchange.subscription')
    .select(['id', 'departmentId', 'eventTypes', 'channel', 'url', 'active', 'createdAt'])
    .where(scopeCondition(actor, { region: 'regionCode', department: 'departmentId' }))
    .orderBy('createdAt', 'desc')
    .execute();
}

export async function unsubscribe(deps: ExchangeDeps, actor: Actor, id: string): Promise<void> {
  const s = await sq(deps.db)
    .selectFrom('exchange.subscription')
    .select(['id', 'departmentId'])
    .where('id', '=', id)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!s) throw notFound('EXCHANGE.NO_SUBSCRIPTION', { zh: '订阅不存在或已取消', en: 'No such active subscription' });
  requireDepartment(actor, await deps.departments.get(s.departmentId));
  await deps.db.transaction().execute(async (trx) => {
    await sq(trx).updateTable('exchange.subscription').set({ active: false }).where('id', '=', id).execute();
    await appendAudit(
      trx,
      auditEntry(actor, 'exchange.unsubscribed', { targetType: 'subscription', targetId: id }),
      deps.auditKey,
    );
  });
}
