import type { FastifyReply } from 'fastify';
import { z } from 'zod';

/**
 * Answers with a response object serialised through its schema once, and reuses the text while a
 * cache keeps returning the same object (a hot search, say): the schema still decides what leaves,
 * but thousands of identical answers a second cost one `JSON.stringify` and one UTF-8 encoding.
 */
export function memoisedJson<S extends z.ZodType>(schema: S) {
  const bodies = new WeakMap<object, Buffer>();
  return (reply: FastifyReply, value: z.output<S> & object): FastifyReply => {
    let body = bodies.get(value);
    if (body === undefined) {
      body = Buffer.from(JSON.stringify(z.encode(schema, value)));
      bodies.set(value, body);
    }
    return reply.type('application/json; charset=utf-8').send(body);
  };
}
