/**
 * open311 (Open311 GeoReport v2): the public 311 interface to 投诉举报, so existing 311 clients
 * and tools file complaints and suggestions and follow their status unchanged. A module of its own
 * because it is a protocol adapter with its own clients, formats (JSON/XML) and error shape; the
 * complaints themselves stay in supervision, reached through its index.
 */
import type { FastifyPluginAsync } from 'fastify';
import { open311Routes } from './open311.routes.js';
import type { Open311Deps } from './open311.service.js';

export const open311Module: FastifyPluginAsync<{ deps: Open311Deps; limits: { read: number; write: number } }> = async (
  app,
  opts,
) => {
  await app.register(open311Routes, opts);
};

export type { Open311Deps } from './open311.service.js';
