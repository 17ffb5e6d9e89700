import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

// A bare Fastify hello-world; with BODY_FILE, the same server answering that file's bytes as JSON
// (a search answer's size, to tell the cost of moving the bytes from the cost of finding them).
const body = process.env.BODY_FILE ? readFileSync(process.env.BODY_FILE) : undefined;
const app = Fastify();
app.get('/', async (_request, reply) =>
  body ? reply.type('application/json; charset=utf-8').send(body) : { hello: 'world' },
);
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('READY');
