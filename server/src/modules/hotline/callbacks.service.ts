/**
 * 请给我回电: anyone (signed in or not) asks the hotline to call them back; one open request per
 * phone number (a second one answers the first). Window clerks and supervisors see the requests of
 * their region with the number masked, reveal it to call (on the audit record) and mark it done.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../platform/context.js';
import { isUniqueViolation } from '../../platform/db/index.js';
import { notFound } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit/index.js';
import { beijingDate } from '../../platform/calendar/beijing.js';
import { referenceCode } from '../../platform/ids/reference-code.js';
import { maskName, maskPhone } from '../../platform/privacy/index.js';
import type { CallbackFiled, CallbackLine, NewCallback } from '../../../../contracts/hotline.js';
import type { HotlineDeps } from './hotline.deps.js';
import {
  findCallback,
  findOpenCallback,
  insertCallback,
  listCallbacks,
  markCallbackDone,
} from './callbacks.repository.js';

/** The province's 12345 takes what no region was given for. */
const PROVINCE = '52';

const normalisePhone = (phone: string) => phone.replace(/-/g, '');

export async function requestCallback(
  deps: HotlineDeps,
  actor: Actor,
  input: NewCallback & { region?: string },
): Promise<{ filed: CallbackFiled; created: boolean }> {
  const phone = normalisePhone(input.phone);
  const phoneIndex = deps.cipher.blindIndex(phone);
  const open = await findOpenCallback(deps.db, phoneIndex);
  if (open) return { filed: { ...open, repeat: true }, created: false };
  const at = deps.now();
  const row = {
    id: randomUUID(),
    reference: referenceCode(beijingDate(at), 'HD'),
    regionCode: input.region ?? PROVINCE,
    personId: actor.kind === 'person' ? actor.id : null,
    phoneEnc: deps.cipher.encrypt(phone),
    phoneIndex,
    name: input.name ?? null,
    topic: input.topic ?? null,
    page: input.page ?? null,
    status: 'open' as const,
    createdAt: at,
    doneAt: null,
    doneBy: null,
  };
  try {
    await insertCallback(deps.db, row);
  } catch (e) {
    // The same number sent twice at once: the other request stands.
    const winner = isUniqueViolation(e) ? await findOpenCallback(deps.db, phoneIndex) : undefined;
    if (!winner) throw e;
    return { filed: { ...winner, repeat: true }, created: false };
  }
  return { filed: { reference: row.reference, status: row.status, createdAt: at, repeat: false }, created: true };
}

export async function callbackQueue(deps: HotlineDeps, actor: Actor, status: 'open' | 'done'): Promise<CallbackLine[]> {
  const rows = await listCallbacks(deps.db, actor, status);
  return rows.map(({ phoneEnc, personId, name, ...r }) => ({
    ...r,
    phone: maskPhone(deps.cipher.decrypt(phoneEnc)),
    name: name === null ? null : maskName(name),
    signedIn: personId !== null,
  }));
}

async function getCallback(deps: HotlineDeps, actor: Actor, id: string) {
  const c = await findCallback(deps.db, actor, id);
  if (!c)
    throw notFound('HOTLINE.NO_CALLBACK', {
      zh: '回电请求不存在或不在您的辖区',
      en: 'No such callback request in your region',
    });
  return c;
}

/** The number itself, to place the call: the read is on the audit record. */
export async function revealCallbackPhone(
  deps: HotlineDeps,
  actor: Actor,
  id: string,
  meta: { ip?: string } = {},
): Promise<{ phone: string }> {
  const c = await getCallback(deps, actor, id);
  await appendAudit(
    deps.db,
    {
      at: deps.now(),
      actorId: actor.id,
      actorKind: actor.kind,
      onBehalfOf: null,
      action: 'hotline.callback-phone-read',
      targetType: 'callback',
      targetId: c.id,
      ip: meta.ip ?? null,
      reason: null,
      detail: {},
    },
    deps.auditKey,
  );
  return { phone: deps.cipher.decrypt(c.phoneEnc) };
}

export async function completeCallback(deps: HotlineDeps, actor: Actor, id: string): Promise<void> {
  const c = await getCallback(deps, actor, id);
  if (c.status === 'open') await markCallbackDone(deps.db, c.id, actor.id!, deps.now());
}
