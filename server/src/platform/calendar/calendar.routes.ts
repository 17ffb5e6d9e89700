/** Working-day calendar API: deadlines in working days, day details, and administrator overrides. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ArrangementLoaded,
  CalendarDay,
  CalendarOverride,
  CalendarOverrides,
  CalendarYears,
  DeadlineAnswer,
  DeclaredYear,
  WorkingDaysBetween,
} from '../../../../contracts/platform.js';
import { NoContent } from '../../../../contracts/http.js';
import { requireRoles } from '../http/auth.js';
import { notFound } from '../errors.js';
import type { CalendarService } from './calendar.service.js';
import { isIsoDate, WorkingCalendar } from './working-calendar.js';

const IsoDate = z
  .string()
  .refine(isIsoDate, { message: '日期格式应为 YYYY-MM-DD 且为真实日期 expected a real date YYYY-MM-DD' });
const tags = ['calendar 工作日'];

export const calendarRoutes: FastifyPluginAsyncZod<{ service: CalendarService }> = async (app, { service }) => {
  app.get(
    '/api/calendar/deadline',
    {
      schema: {
        tags,
        summary: '计算办理期限 Due date N working days after a date',
        description:
          'The start day is not counted: the due date is the N-th working day after `from`, skipping weekends and statutory holidays and counting adjusted working days (调休). `beyondKnownCalendar` is true when the count runs into a year whose official arrangement is not yet known.',
        querystring: z.object({ from: IsoDate, workingDays: z.coerce.number().int().min(0).max(3650) }),
        response: { 200: DeadlineAnswer },
      },
    },
    async (request) => {
      const { from, workingDays } = request.query;
      const result = (await service.calendar()).addWorkingDays(from, workingDays);
      return { from, workingDays, due: result.due, beyondKnownCalendar: result.beyondKnownCalendar };
    },
  );

  app.get(
    '/api/calendar/working-days',
    {
      schema: {
        tags,
        summary: '两日期间的工作日数 Working days in (from, to]',
        querystring: z.object({ from: IsoDate, to: IsoDate }),
        response: { 200: WorkingDaysBetween },
      },
    },
    async (request) => ({
      ...request.query,
      workingDays: (await service.calendar()).workingDaysBetween(request.query.from, request.query.to),
    }),
  );

  app.get(
    '/api/calendar/days/:date',
    {
      schema: {
        tags,
        summary: '某日是否工作日 Is a day a working day',
        params: z.object({ date: IsoDate }),
        response: { 200: CalendarDay },
      },
    },
    async (request) => (await service.calendar()).describe(request.params.date),
  );

  const Override = z.object({
    date: IsoDate,
    kind: z.enum(['workday', 'holiday']),
    name: z.string().trim().min(1).max(100),
  });
  const admin = requireRoles('system_admin');

  app.get(
    '/api/admin/calendar/overrides',
    {
      preHandler: admin,
      schema: {
        tags,
        security: [{ bearer: [] }],
        summary: '日历调整列表 Overrides',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        response: { 200: CalendarOverrides },
      },
    },
    async (request) => ({ overrides: await service.listOverrides(request.query.year) }),
  );

  app.put(
    '/api/admin/calendar/overrides/:date',
    {
      preHandler: admin,
      schema: {
        tags,
        security: [{ bearer: [] }],
        summary: '设定某日为工作日或休息日 Declare a day working or not',
        params: z.object({ date: IsoDate }),
        body: Override.omit({ date: true }),
        response: { 200: CalendarOverride },
      },
    },
    async (request) => {
      const override = { date: request.params.date, ...request.body };
      await service.setOverride(override, request.actor.id);
      return override;
    },
  );

  app.get(
    '/api/calendar/years',
    {
      schema: {
        tags,
        summary: '已知节假日安排的年份 Years with a known holiday arrangement',
        response: { 200: CalendarYears },
      },
    },
    async () => ({ statutory: WorkingCalendar.knownYears(), declared: await service.listDeclaredYears() }),
  );

  app.put(
    '/api/admin/calendar/years/:year',
    {
      preHandler: admin,
      schema: {
        tags,
        security: [{ bearer: [] }],
        summary: '确认某年节假日安排已录入 Declare a year’s arrangement entered in full',
        description:
          'Enter the year’s holidays and adjusted working days as overrides first, then declare the year: from then on deadlines into that year are no longer flagged `beyondKnownCalendar`.',
        params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
        body: z.object({ note: z.string().trim().max(200).default('') }),
        response: { 200: DeclaredYear },
      },
    },
    async (request) => {
      await service.declareYear(request.params.year, request.body.note, request.actor.id);
      return { year: request.params.year, note: request.body.note };
    },
  );

  const NoticeDay = z.object({ date: IsoDate, name: z.string().trim().min(1).max(100) });
  app.put(
    '/api/admin/calendar/years/:year/arrangement',
    {
      preHandler: admin,
      schema: {
        tags,
        security: [{ bearer: [] }],
        summary: '载入国务院节假日安排通知 Load a year’s published holiday arrangement',
        description:
          'When the State Council publishes next year’s arrangement (each November): its days off and adjusted working days (调休上班) become overrides and the year is declared, in one transaction. Until then the statutory holidays of the 全国年节及纪念日放假办法 are counted by rule and deadlines into the year are flagged `beyondKnownCalendar`.',
        params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
        body: z.object({
          note: z.string().trim().max(200).default(''),
          holidays: z.array(NoticeDay).max(60),
          workdays: z.array(NoticeDay).max(30).default([]),
        }),
        response: { 200: ArrangementLoaded },
      },
    },
    async (request) => service.loadArrangement(request.params.year, request.body, request.actor.id),
  );

  app.delete(
    '/api/admin/calendar/overrides/:date',
    {
      preHandler: admin,
      schema: {
        tags,
        security: [{ bearer: [] }],
        summary: '删除调整 Remove an override',
        params: z.object({ date: IsoDate }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      if (!(await service.removeOverride(request.params.date))) {
        throw notFound('CALENDAR.OVERRIDE_NOT_FOUND', {
          zh: `该日没有调整：${request.params.date}`,
          en: `No override on ${request.params.date}`,
        });
      }
      return reply.status(204).send(null);
    },
  );
};
