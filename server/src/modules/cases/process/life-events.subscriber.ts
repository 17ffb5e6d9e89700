/**
 * Tell us once (一次告知): when the population registry records a death, the person's open
 * personal cases end (终止) — nobody has to come and withdraw them. Delivered by the outbox, in the
 * delivery's transaction, so a retried event ends nothing twice.
 */
import type { OutboxSubscriber } from '../../../platform/outbox-dispatcher.js';
import { accountsOfRegistryPersons } from '../../identity/index.js';
import { terminateCasesOf } from './terminate.js';

interface LifeEventRecorded {
  eventId: string;
  type: string;
  occurredOn: string;
  /** Persons of the population registry the event is about. */
  personIds: string[];
}

export function lifeEventsSubscriber(now: () => Date): OutboxSubscriber {
  return {
    name: 'cases.life-events',
    topics: ['exchange.life-event-recorded'],
    async handle(event, trx) {
      const e = event.payload as LifeEventRecorded;
      if (e.type !== 'death') return;
      const accounts = await accountsOfRegistryPersons(trx, e.personIds);
      await terminateCasesOf(
        trx,
        accounts,
        { code: 'applicant-died', text: `申请人已于${e.occurredOn}死亡（死亡登记），办件终止`, eventId: e.eventId },
        now(),
      );
    },
  };
}
