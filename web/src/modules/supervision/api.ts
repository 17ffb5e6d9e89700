/** Calls of the supervision console; shapes from contracts/supervision.ts (dates arrive as strings). */
import type { z } from 'zod';
import type { Clock, Irregularity, NewOrder, Order, Overview } from '../../../../contracts/supervision';
import { getJson, sendJson } from '../../app/http';
import type { Wire } from '../../../../contracts/wire';
import type { PutThresholds, ThresholdList } from '../../../../contracts/supervision-warnings';

export type OverviewData = Wire<z.infer<typeof Overview>>;
export type ClockRow = Wire<z.infer<typeof Clock>>;
export type OrderRow = Wire<z.infer<typeof Order>>;
export type IrregularityRow = Wire<z.infer<typeof Irregularity>>;
export type ClockFilter = { state?: 'running' | 'paused' | 'yellow' | 'red'; region?: string; department?: string };

export const overview = (region: string | undefined, signal?: AbortSignal) =>
  getJson<OverviewData>('/api/supervision/overview', { region }, signal);
export const clocks = (filter: ClockFilter, signal?: AbortSignal) =>
  getJson<{ clocks: ClockRow[] }>('/api/supervision/clocks', filter, signal).then((r) => r.clocks);
export const orders = (signal?: AbortSignal) =>
  getJson<{ orders: OrderRow[] }>('/api/supervision/orders', undefined, signal).then((r) => r.orders);
export const issueOrder = (input: NewOrder) =>
  sendJson<{ id: string; reference: string; dueOn: string }>('POST', '/api/supervision/orders', input);
export const answerOrder = (id: string, answer: string) =>
  sendJson<void>('POST', `/api/supervision/orders/${id}/answer`, { answer });
export const irregularities = (signal?: AbortSignal) =>
  getJson<{ irregularities: IrregularityRow[] }>('/api/supervision/irregularities', { status: 'open' }, signal).then(
    (r) => r.irregularities,
  );
export const dismissIrregularity = (id: string, reason: string) =>
  sendJson<void>('POST', `/api/supervision/irregularities/${id}/dismiss`, { reason });

export type ThresholdData = Wire<z.infer<typeof ThresholdList>>;
export type ThresholdRow = ThresholdData['thresholds'][number];
export const markSeen = (warningId: string) =>
  sendJson<{ firstTime: boolean; seenAt: string }>('POST', `/api/supervision/warnings/${warningId}/seen`);
export const thresholds = (signal?: AbortSignal) =>
  getJson<ThresholdData>('/api/admin/supervision/thresholds', undefined, signal);
export const saveThresholds = (input: PutThresholds) =>
  sendJson<{ clocksUpdated: number }>('PUT', '/api/admin/supervision/thresholds', input);
