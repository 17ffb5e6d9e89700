import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import { constants } from 'node:zlib';

/**
 * Compressed answers for slow links (a phone on 4G): brotli or gzip as the client accepts, for
 * bodies of at least 1 KiB whose type compresses (JSON, problem+json, text, SVG; never a PDF or an
 * image, nor a body already encoded, such as the web app's precompressed assets). Brotli at
 * quality 4: on the fly, a tenth of quality 11's time for nearly its ratio. Register it before
 * any route it should cover.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });
}
