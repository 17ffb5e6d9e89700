/**
 * space (我的空间): the signed-in resident's summary — what of their cases needs them and their
 * unread messages — in one answer, read through the cases and notify modules' front doors.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MySummary } from '../../../../contracts/space.js';
import { type SpaceDeps, mySummary } from './summary.service.js';

export const spaceModule: FastifyPluginAsyncZod<{ deps: SpaceDeps }> = async (app, { deps }) => {
  app.get(
    '/api/me/summary',
    {
      schema: {
        tags: ['space 我的空间'],
        summary: '我的空间 What needs me: 补正, fees due, results ready, cases running, unread messages',
        response: { 200: MySummary },
      },
    },
    async (request) => mySummary(deps, request.actor),
  );
};

export type { SpaceDeps } from './summary.service.js';
