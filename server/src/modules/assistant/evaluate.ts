/**
 * Runs the question set through an `ask` and scores it: exact service and aspect, unanswerable
 * questions declined, and every answer checked mechanically against the guide it cites.
 */
import type { AskAnswer } from '../../../../contracts/assistant.js';
import type { Item } from '../../../../contracts/catalog.js';
import { ungroundedFacts, ungroundedLines } from './grounding.js';
import type { SetQuestion } from './question-set.js';

export type Asker = (question: string, conversationId?: string) => Promise<AskAnswer>;

export interface Scored {
  q: SetQuestion;
  answer: AskAnswer;
  ok: boolean;
  /** Lines (or rephrased facts) of the answer that its cited guide does not hold. */
  ungrounded: string[];
}

export interface Score {
  scored: Scored[];
  answerable: number;
  correct: number;
  unanswerable: number;
  declined: number;
  ungrounded: Scored[];
}

function matches(q: SetQuestion, a: AskAnswer): boolean {
  if (q.declined) return a.declined === true;
  if (a.declined) return false;
  const aspectOk = q.aspect === undefined || (a.aspect ?? null) === q.aspect;
  if (q.choices) {
    const names = (a.choices ?? []).map((c) => c.name);
    return aspectOk && q.choices.every((c) => names.includes(c));
  }
  if (q.asksRegion && !a.asksRegion) return false;
  return aspectOk && a.item?.name === q.item && (q.asksRegion === true || a.sources.length > 0);
}

export async function evaluate(
  set: readonly SetQuestion[],
  ask: Asker,
  guide: (code: string) => Promise<Item>,
): Promise<Score> {
  const scored: Scored[] = [];
  for (const q of set) {
    let conversationId: string | undefined;
    for (const before of q.after ?? []) conversationId = (await ask(before, conversationId)).conversationId;
    const answer = await ask(q.q, conversationId);
    const ungrounded: string[] = [];
    if (answer.item && answer.sources.length > 0) {
      const item = await guide(answer.item.code);
      const lines = answer.rephrased ? answer.lines : [answer.answer, ...answer.lines];
      ungrounded.push(...ungroundedLines(lines, item));
      if (answer.rephrased) ungrounded.push(...ungroundedFacts(answer.answer, item));
    }
    scored.push({ q, answer, ok: matches(q, answer), ungrounded });
  }
  const answerable = scored.filter((s) => !s.q.declined);
  const unanswerable = scored.filter((s) => s.q.declined);
  return {
    scored,
    answerable: answerable.length,
    correct: answerable.filter((s) => s.ok).length,
    unanswerable: unanswerable.length,
    declined: unanswerable.filter((s) => s.ok).length,
    ungrounded: scored.filter((s) => s.ungrounded.length > 0),
  };
}
