import type { FastifyReply } from 'fastify';
import { z } from 'zod';

/**
 * Answers with a response object serialised through its schema once, and reuses the text while a
 * cache keeps returning the same object (a hot search, say): the schema still decides what leaves,
 * but thousands of identical answers a second cost one `JSON.stringify` and one UTF-8 encoding.
 */
export function memoisedJson<S extends z.ZodType>(schema: S) {
  const bodies = new WeakMap<object, Buffer>();
  return (reply: FastifyReply, value: z.output<S> & object, head?: Record<string, string>): FastifyReply => {
    let body = bodies.get(value);
    if (body === undefined) {
      body = Buffer.from(JSON.stringify(z.encode(schema, value)));
      bodies.set(value, body);
    }
    // Fields of this answer alone (a search id) go first, without re-serialising the shared part.
    if (head && body.length > 2)
      body = Buffer.concat([Buffer.from(`${JSON.stringify(head).slice(0, -1)},`), body.subarray(1)]);
    return reply.type('application/json; charset=utf-8').send(body);
  };
}
