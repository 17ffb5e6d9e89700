/**
 * hotline (12345 回电): callback requests residents file from any page of the portal (the 请给我回电
 * button of 长者模式 and the kiosk), and the queue the hotline and window staff work through.
 */
import type { FastifyPluginAsync } from 'fastify';
import { reencryptColumns, type FieldCipher } from '../../platform/crypto/index.js';
import type { Db } from '../../platform/db/index.js';
import type { HotlineDeps } from './hotline.deps.js';
import { hotlineRoutes } from './hotline.routes.js';

export const hotlineModule: FastifyPluginAsync<{ deps: HotlineDeps; perHour: number }> = async (app, opts) => {
  await app.register(hotlineRoutes, opts);
};

/** Re-encrypts callers' phone numbers with the current data key (key rotation). */
export const reencryptHotlineData = (db: Db, cipher: FieldCipher): Promise<number> =>
  reencryptColumns(db, cipher, { table: 'hotline.callback', key: 'id', columns: ['phone_enc'] });

export type { HotlineDeps } from './hotline.deps.js';
