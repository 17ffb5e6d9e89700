/**
 * Declaring what a route answers. A response schema is a contract when it was declared here, in
 * `contracts/`, through {@link contract}: the server's contract test fails on any route whose
 * response schema was made elsewhere (an inline `z.object` in a route file drifts from the pages).
 */
import { z } from 'zod';

const contracts = new WeakSet<z.ZodType>();

/** Marks a schema as a response contract shared by server and web; returns it unchanged. */
export function contract<T extends z.ZodType>(schema: T): T {
  contracts.add(schema);
  return schema;
}

/** Whether a schema was declared as a response contract (identity: a copy or an `.extend()` is not). */
export const isContract = (schema: unknown): boolean => schema instanceof z.ZodType && contracts.has(schema);

/** 204: nothing in the body. */
export const NoContent = contract(z.null());

/**
 * A file in the body (PDF, image, XML, SVG): Fastify sends it as it is, without serialising; the
 * schema documents it in OpenAPI.
 */
export const FileBody = contract(z.any().meta({ type: 'string', format: 'binary', description: 'The file itself' }));
