/**
 * 智能客服 in process, without a language model, on the test catalogue (贵阳市, 南明区, 云岩区,
 * 黔东南州, 黎平县; BENCH_FULL=1: the whole demo province): accuracy on the question set (exact
 * service and aspect; unanswerable ones declined), every answer checked against the guide it cites,
 * then answers per second and p50/p99 per answer over BENCH_ROUNDS rounds of the set (each answer
 * writes its conversation, as in production). Targets: accuracy ≥ 90 %, 100 % declined, p50 ≤ 5 ms.
 *   npm run bench:assistant
 */
import { loadavg } from 'node:os';
import { openDatabase, migrateToLatest } from '../server/src/platform/db/index.js';
import { ANONYMOUS } from '../server/src/platform/context.js';
import { CatalogSearch, getPublishedItem, seedCatalog } from '../server/src/modules/catalog/index.js';
import { AssistantCatalog, ask, type AssistantDeps } from '../server/src/modules/assistant/index.js';
import { evaluate } from '../server/src/modules/assistant/evaluate.js';
import { QUESTION_SET } from '../server/src/modules/assistant/question-set.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PLACES = process.env.BENCH_FULL ? undefined : ['5201', '520102', '520103', '5226', '522631'];
const quiet = { info() {}, warn() {}, error() {}, debug() {} };

console.log(
  `load average before start: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const database = await openDatabase({ dataDir: 'memory://' });
try {
  await migrateToLatest(database.db);
  const seeded = await seedCatalog(database.db, {
    province: '52',
    now: new Date(),
    ...(PLACES ? { places: PLACES } : {}),
  });
  const search = new CatalogSearch(database.db, { log: quiet });
  await search.warm();
  const deps: AssistantDeps = {
    db: database.db,
    search,
    now: () => new Date(),
    log: quiet,
    catalog: new AssistantCatalog(database.db),
    conversationMinutes: 30,
    // The bench asks; it maps nothing, so nothing is audited.
    auditKey: Buffer.alloc(32),
  };
  const asker = (question: string, conversationId?: string) =>
    ask(deps, ANONYMOUS, { question, ...(conversationId ? { conversationId } : {}) });

  const score = await evaluate(QUESTION_SET, asker, (code) => getPublishedItem(database.db, code));
  for (const s of score.scored.filter((x) => !x.ok)) {
    const got = s.answer.declined
      ? 'declined'
      : (s.answer.item?.name ?? s.answer.choices?.map((c) => c.name).join(' / ') ?? '—');
    console.log(`  miss: ${s.q.q} → ${got} · ${s.answer.aspect ?? '—'}`);
  }
  const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)} %`;
  console.log(
    `catalogue: ${seeded.items} implementations; question set: ${QUESTION_SET.length} questions\n` +
      `accuracy (exact service and aspect): ${score.correct}/${score.answerable} = ${pct(score.correct, score.answerable)} (target ≥ 90 %)\n` +
      `unanswerable declined: ${score.declined}/${score.unanswerable} = ${pct(score.declined, score.unanswerable)} (target 100 %)\n` +
      `answers with a line not in the guide they cite: ${score.ungrounded.length} (target 0)`,
  );
  for (const s of score.ungrounded) console.log(`  invented: ${s.q.q}: ${s.ungrounded.join(' | ')}`);

  // Timing: every question of the set (follow-ups continue their conversation), ROUNDS times, after one warm-up round.
  const times: number[] = [];
  const round = async (record: boolean) => {
    for (const q of QUESTION_SET) {
      let conversationId: string | undefined;
      for (const before of q.after ?? []) conversationId = (await asker(before, conversationId)).conversationId;
      const t0 = performance.now();
      await asker(q.q, conversationId);
      if (record) times.push(performance.now() - t0);
    }
  };
  await round(false);
  const started = performance.now();
  for (let r = 0; r < ROUNDS; r++) await round(true);
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(2);
  console.log(
    `answers: ${times.length} in ${seconds.toFixed(2)} s (with the follow-ups' first questions): ` +
      `${(times.length / seconds).toFixed(0)} answers/s; per answer p50 ${q(0.5)} ms, p99 ${q(0.99)} ms (target p50 ≤ 5 ms)`,
  );
  const failed =
    score.correct / score.answerable < 0.9 || score.declined < score.unanswerable || score.ungrounded.length > 0;
  if (failed) process.exitCode = 1;
  await search.flush();
} finally {
  await database.close();
}
