import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Db } from '../../../platform/db/index.js';
import type { IdentityTables } from '../identity.tables.js';

export interface OidcClientTable {
  clientId: string;
  name: string;
  redirectUris: string[];
  grantTypes: string[];
  public: boolean;
  secretEnc: string | null;
  idTokenAlg: 'ES256' | 'RS256';
  createdBy: string;
  createdAt: Generated<Date>;
  disabledAt: Date | null;
}
export interface OidcPayloadTable {
  kind: string;
  id: string;
  /** Written as JSON text cast to jsonb; read back as an object (or text, depending on the driver). */
  payload: ColumnType<unknown, unknown, unknown>;
  grantId: string | null;
  userCode: string | null;
  uid: string | null;
  expiresAt: Date | null;
  consumedAt: Date | null;
}
export interface OidcKeysetTable {
  id: string;
  jwksEnc: string;
  createdAt: Generated<Date>;
}
export interface OidcActingForTable {
  clientId: string;
  accountId: string;
  enterpriseId: string | null;
  updatedAt: Date;
}

export type OidcTables = IdentityTables & {
  'identity.oidcClient': OidcClientTable;
  'identity.oidcPayload': OidcPayloadTable;
  'identity.oidcKeyset': OidcKeysetTable;
  'identity.oidcActingFor': OidcActingForTable;
};

/** The identity module's view of the database, with the tables of single sign-on. */
export const oq = (db: Db): Kysely<OidcTables> => db.withTables<OidcTables>() as unknown as Kysely<OidcTables>;
