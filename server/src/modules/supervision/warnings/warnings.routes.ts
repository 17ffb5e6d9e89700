/**
 * 黄牌/红牌 API: `POST /api/supervision/warnings/{id}/seen` (a reader in scope marks it seen, once),
 * `GET|PUT /api/admin/supervision/thresholds` (yellow thresholds per item type: read by readers,
 * changed by system administrators).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRoles } from '../../../platform/http/auth.js';
import {
  PutThresholds,
  ThresholdList,
  ThresholdsSaved,
  WarningSeen,
} from '../../../../../contracts/supervision-warnings.js';
import type { SupervisionDeps } from '../supervision.deps.js';
import { READERS } from '../clocks/console.service.js';
import { markWarningSeen } from './seen.service.js';
import { listThresholds, putThresholds, THRESHOLD_ADMINS } from './thresholds.service.js';

const tags = ['supervision 电子监察'];

export const warningRoutes: FastifyPluginAsyncZod<{ deps: SupervisionDeps }> = async (app, { deps }) => {
  app.post(
    '/api/supervision/warnings/:id/seen',
    {
      preHandler: requireRoles(...READERS),
      schema: {
        tags,
        summary: '预警已阅 Mark a yellow or red warning seen (recorded once per person)',
        params: z.object({ id: z.uuid() }),
        response: { 200: WarningSeen },
      },
    },
    async (request) => markWarningSeen(deps, request.actor, request.params.id),
  );
  app.get(
    '/api/admin/supervision/thresholds',
    {
      preHandler: requireRoles(...READERS, ...THRESHOLD_ADMINS),
      schema: {
        tags,
        summary: '预警阈值 Yellow-warning thresholds per item type',
        response: { 200: ThresholdList },
      },
    },
    async (request) => listThresholds(deps, request.actor),
  );
  app.put(
    '/api/admin/supervision/thresholds',
    {
      preHandler: requireRoles(...THRESHOLD_ADMINS),
      schema: {
        tags,
        summary: '设置预警阈值 Set yellow-warning thresholds per item type (audited; open clocks follow)',
        body: PutThresholds,
        response: { 200: ThresholdsSaved },
      },
    },
    async (request) => putThresholds(deps, request.actor, request.body, { ip: request.ip }),
  );
};
