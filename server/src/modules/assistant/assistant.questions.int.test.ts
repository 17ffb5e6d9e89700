/**
 * The question set over the test catalogue, asked through the API as an anonymous person: exact
 * service and aspect on at least 90 % of the answerable questions, every unanswerable one declined,
 * and no answer with a line its cited guide does not hold.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AskAnswer } from '../../../../contracts/assistant.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { getPublishedItem } from '../catalog/index.js';
import { evaluate } from './evaluate.js';
import { QUESTION_SET } from './question-set.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_ASSISTANT: '1000' } });
});
afterAll(async () => t.close());

describe('assistant question set', () => {
  it('names the service and aspect of nine in ten questions, declines every unanswerable one, and invents nothing', async () => {
    expect(QUESTION_SET.length).toBeGreaterThanOrEqual(60);
    const score = await evaluate(
      QUESTION_SET,
      async (question, conversationId) => {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/assistant/ask',
          payload: { question, ...(conversationId ? { conversationId } : {}) },
        });
        expect(res.statusCode, res.body).toBe(200);
        return res.json() as AskAnswer;
      },
      (code) => getPublishedItem(t.db, code),
    );
    const misses = score.scored
      .filter((s) => !s.ok)
      .map(
        (s) =>
          `${s.q.q} → ${s.answer.item?.name ?? s.answer.choices?.map((c) => c.name).join('/') ?? (s.answer.declined ? 'declined' : '-')} · ${s.answer.aspect ?? '-'}`,
      );
    expect(score.correct / score.answerable, misses.join('\n')).toBeGreaterThanOrEqual(0.9);
    expect(score.declined, misses.join('\n')).toBe(score.unanswerable);
    expect(score.ungrounded.map((s) => `${s.q.q}: ${s.ungrounded.join(' | ')}`)).toEqual([]);
  }, 60_000);
});
