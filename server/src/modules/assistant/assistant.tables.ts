import type { Kysely } from 'kysely';
import type { Db } from '../../platform/db/index.js';

/** What a conversation waits for: a choice between items, or the region (with the aspects asked). */
export interface Pending {
  choices?: { code: string; name: string }[];
  aspects?: string[];
  asksRegion?: boolean;
}

export interface ConversationTable {
  id: string;
  personId: string | null;
  itemCode: string | null;
  itemName: string | null;
  regionCode: string | null;
  regionName: string | null;
  pending: Pending;
  lastAnswerId: string | null;
  lastQuestion: string | null;
  lastDeclined: boolean;
  turns: number;
  createdAt: Date;
  expiresAt: Date;
}

export interface QuestionTable {
  id: string;
  question: string;
  normalised: string;
  service: string;
  reason: 'declined' | 'unhelpful';
  itemCode: string | null;
  itemName: string | null;
  count: number;
  firstAskedAt: Date;
  lastAskedAt: Date;
  status: 'open' | 'mapped' | 'dismissed';
  mappedBasicCode: string | null;
  mappedItemName: string | null;
  mappedSynonym: string | null;
  mappedBy: string | null;
  mappedAt: Date | null;
}

export type AssistantTables = { 'assistant.conversation': ConversationTable; 'assistant.question': QuestionTable };

export const aq = (db: Db): Kysely<AssistantTables> =>
  db.withTables<AssistantTables>() as unknown as Kysely<AssistantTables>;
