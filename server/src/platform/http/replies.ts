/** Answers shared by routes. */
import type { FastifyReply } from 'fastify';

/** An idempotent creation: 201 when this request made it, 200 when a retry with the same key replays it. */
export const sendCreatedOrReplayed = <T extends object>(
  reply: FastifyReply,
  { created, ...result }: T & { created: boolean },
) => reply.code(created ? 201 : 200).send(result);
