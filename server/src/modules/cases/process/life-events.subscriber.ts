/**
 * Tell us once (一次告知): when the population registry records a death, the person's open
 * personal cases end (终止) — nobody has to come and withdraw them. Delivered by the outbox, in the
 * delivery's transaction, so a retried event ends nothing twice.
 */
import type { OutboxSubscriber } from '../../../platform/outbox-dispatcher.js';
import { subscriber } from '../../../platform/outbox.js';
import { accountsOfRegistryPersons } from '../../identity/index.js';
import { terminateCasesOf } from './terminate.js';

export function lifeEventsSubscriber(now: () => Date): OutboxSubscriber {
  return subscriber('cases.life-events', ['exchange.life-event-recorded'], async ({ payload: e }, trx) => {
    if (e.type !== 'death') return;
    const accounts = await accountsOfRegistryPersons(trx, e.personIds);
    await terminateCasesOf(
      trx,
      accounts,
      { code: 'applicant-died', text: `申请人已于${e.occurredOn}死亡（死亡登记），办件终止`, eventId: e.eventId },
      now(),
    );
  });
}
