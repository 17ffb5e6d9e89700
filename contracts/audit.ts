/**
 * The audit log (审计日志): an append-only, hash-chained record of who did what to whom. Entries
 * name staff actors and targets by their display names, so that screens show people, not ids.
 */
import { z } from 'zod';
import { contract } from './http.js';

export const AuditQuery = z.object({
  actorId: z.string().max(64).optional(),
  targetId: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  beforeSeq: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntry = z.object({
  seq: z.coerce.number(),
  at: z.date(),
  actorId: z.string().nullable(),
  actorKind: z.string(),
  onBehalfOf: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  reason: z.string().nullable(),
  /** The display name of a staff actor, and of a staff target. */
  actorName: z.string().nullable(),
  targetName: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** Newest first. */
export const AuditLog = contract(z.object({ entries: z.array(AuditEntry) }));
export type AuditLog = z.infer<typeof AuditLog>;

/** A hash chain checked end to end: how many entries, and where it first breaks if it does. */
export const ChainCheck = z.object({
  ok: z.boolean(),
  entries: z.number(),
  firstBadSeq: z.number().optional(),
  problem: z.string().optional(),
});

/** The audit chain's check, with the hash at its head. */
export const AuditChainCheck = contract(ChainCheck.extend({ head: z.string().optional() }));
export type AuditChainCheck = z.infer<typeof AuditChainCheck>;
