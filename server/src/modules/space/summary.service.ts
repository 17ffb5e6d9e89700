import type { Actor } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { unauthorized } from '../../platform/errors.js';
import type { MySummary } from '../../../../contracts/space.js';
import { applicantAttention } from '../cases/index.js';
import { myInbox } from '../notify/index.js';

export interface SpaceDeps {
  db: Db;
  now: () => Date;
}

/** The resident's own cases (or the enterprise's they act for) and their own inbox; nobody else's. */
export async function mySummary(deps: SpaceDeps, actor: Actor): Promise<MySummary> {
  if (actor.kind !== 'person') throw unauthorized('AUTH.REQUIRED', { zh: '请先登录', en: 'Sign-in required' });
  const [cases, inbox] = await Promise.all([
    applicantAttention(deps.db, actor, deps.now()),
    myInbox(deps.db, actor, { page: 1, pageSize: 3, unread: 'true' }),
  ]);
  return {
    ...cases,
    messages: {
      unread: inbox.unread,
      latest: inbox.messages.map(({ id, title, link, createdAt }) => ({ id, title, link, createdAt })),
    },
  };
}
