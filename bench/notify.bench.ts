/**
 * Notifications delivered per second through the whole pipeline — an outbox event per message,
 * the notify subscriber planning it from the recipient's preferences, the worker rendering the
 * template and sending it over SMTP with nodemailer — against nodemailer sending the same rendered
 * messages straight to the same in-process SMTP server (the ceiling), in one run. Target ratio ≥ 0.5.
 *   npm run bench:notify            (embedded PGlite; BENCH_MESSAGES=1000 by default)
 */
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import { openDatabase, migrateToLatest } from '../server/src/platform/db/index.js';
import { createFieldCipher } from '../server/src/platform/crypto/index.js';
import { OutboxDispatcher } from '../server/src/platform/outbox-dispatcher.js';
import { appendEvent } from '../server/src/platform/outbox.js';
import { createStaff } from '../server/src/modules/identity/index.js';
import {
  DeliveryWorker,
  loggingSms,
  notifySubscriber,
  smtpEmail,
  type NotifyDeps,
} from '../server/src/modules/notify/index.js';
import { smtpSink } from '../server/src/modules/notify/notify.test-kit.js';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1000);
const RECIPIENTS = 50;
const quiet = { info() {}, warn() {}, error() {}, debug() {} };

const database = await openDatabase({ dataDir: 'memory://' });
const db = database.db;
await migrateToLatest(db);
const key = Buffer.alloc(32, 7);
const cipher = createFieldCipher({ suite: 'sm4', current: 'k1', keys: { k1: key }, indexKey: key });
const sink = await smtpSink();
sink.parse = false;

const staff: string[] = [];
for (let i = 0; i < RECIPIENTS; i++) {
  const id = await createStaff(db, {
    username: `bench${i}`,
    displayName: `值班员${i}`,
    regionCode: '52',
    roles: ['approver'],
  });
  staff.push(id);
}
await db
  .withTables<{ 'notify.preference': Record<string, unknown> }>()
  .insertInto('notify.preference')
  .values(
    staff.map((id, i) => ({
      accountKind: 'staff',
      accountId: id,
      channels: ['email', 'inbox'],
      emailEnc: cipher.encrypt(`duty${i}@example.gov.cn`),
      updatedAt: new Date(),
    })),
  )
  .execute();

const waitFor = async (n: number) => {
  while (sink.count < n) await new Promise((r) => setImmediate(r));
};

// Ceiling: the same messages, rendered once, sent straight through nodemailer, 50 at a time.
const smtpUrl = `${sink.url}/?pool=true&maxConnections=5`;
const direct = nodemailer.createTransport(smtpUrl);
const t0 = performance.now();
for (let i = 0; i < MESSAGES; i += 50) {
  await Promise.all(
    Array.from({ length: Math.min(50, MESSAGES - i) }, (_, j) =>
      direct.sendMail({
        from: '通办 <noreply@tongban.local>',
        to: `duty${(i + j) % RECIPIENTS}@example.gov.cn`,
        subject: '红牌警告',
        text: `“食品经营许可 T${i + j}”已超期（2026-12-01 到期），已上报督办。`,
        html: `<!doctype html><html><body><p>“食品经营许可 T${i + j}”已超期（2026-12-01 到期），已上报督办。</p></body></html>`,
      }),
    ),
  );
}
await waitFor(MESSAGES);
const directSeconds = (performance.now() - t0) / 1000;
direct.close();

// Pipeline: events on the outbox → notify plans → worker renders and sends.
const email = smtpEmail({ url: smtpUrl, from: '通办 <noreply@tongban.local>' });
const deps: NotifyDeps = {
  db,
  cipher,
  now: () => new Date(),
  log: quiet,
  channels: { sms: loggingSms(quiet, '通办'), email },
  ratePerHour: 1000,
  maxAttempts: 3,
  leaseMs: 60_000,
};
const outbox = new OutboxDispatcher(db, { log: quiet, batchSize: 500 });
outbox.subscribe(notifySubscriber(deps));
const worker = new DeliveryWorker(deps);
const before = sink.count;
const t1 = performance.now();
await db.transaction().execute(async (trx) => {
  for (let i = 0; i < MESSAGES; i++)
    await appendEvent(
      trx,
      {
        topic: 'supervision.warning-raised',
        aggregateType: 'supervision.clock',
        aggregateId: randomUUID(),
        payload: {
          level: 'red',
          regionCode: '52',
          departmentId: null,
          recipients: { staffIds: [staff[i % RECIPIENTS]!] },
          warnings: [
            {
              warningId: randomUUID(),
              clockKind: 'task',
              reference: 'T2026',
              title: `食品经营许可 T${i}`,
              caseId: null,
              staffId: null,
              dueOn: '2026-12-01',
            },
          ],
        },
      },
      null,
    );
});
const t2 = performance.now();
await outbox.drain();
const t3 = performance.now();
await worker.drain();
console.log(
  `(events ${((t2 - t1) / 1000).toFixed(2)} s, planning ${((t3 - t2) / 1000).toFixed(2)} s, sending ${((performance.now() - t3) / 1000).toFixed(2)} s)`,
);
await waitFor(before + MESSAGES);
const pipelineSeconds = (performance.now() - t1) / 1000;
email.close();

const directRate = MESSAGES / directSeconds;
const pipelineRate = MESSAGES / pipelineSeconds;
console.log(`messages: ${MESSAGES} to ${RECIPIENTS} recipients (embedded PGlite, in-process SMTP server)`);
console.log(
  `nodemailer direct:            ${directRate.toFixed(0).padStart(6)} messages/s (${directSeconds.toFixed(2)} s)`,
);
console.log(
  `outbox + templates + worker:  ${pipelineRate.toFixed(0).padStart(6)} messages/s (${pipelineSeconds.toFixed(2)} s)`,
);
console.log(`ratio pipeline / direct: ${(pipelineRate / directRate).toFixed(3)} (target ≥ 0.5)`);
await sink.close();
await database.close();
