/**
 * Demo data: the 营业执照 e-licence of every active legal entity of the registry whose legal
 * representative is alive, issued by the market-regulation department closest to the entity.
 * (Residents get their 居民身份证 e-licence when their account is created: `identity.person-registered`.)
 */
import type { Db } from '../../../platform/db/index.js';
import { findLegalEntity, listEntitiesRepresentedBy, sampleRegistryPersons } from '../../exchange/index.js';
import { listDepartments } from '../../catalog/index.js';
import type { SigningDeps } from '../licenses.deps.js';
import { closestDepartment } from './departments.js';
import { issueLicense } from './issue.js';

export async function seedDemoLicenses(db: Db, deps: SigningDeps): Promise<{ businessLicenses: number }> {
  const departments = await listDepartments(db);
  const representatives = await sampleRegistryPersons(db, deps.cipher, 1_000_000, true);
  let businessLicenses = 0;
  await db.transaction().execute(async (trx) => {
    for (const rep of representatives) {
      for (const { creditCode } of await listEntitiesRepresentedBy(trx, rep.id)) {
        const e = await findLegalEntity(trx, creditCode);
        const issuer = e && closestDepartment(departments, 'market', e.regionCode);
        if (!e || !issuer) continue;
        await issueLicense(trx, deps, {
          typeCode: 'BUSINESS_LICENSE',
          holder: { kind: 'enterprise', id: e.creditCode, name: e.name },
          issuer,
          data: {
            name: e.name,
            entityType: e.entityType,
            legalRepresentative: rep.name,
            registeredCapital: e.registeredCapital === null ? null : Number(e.registeredCapital) / 10_000,
            establishedOn: e.establishedOn,
            address: e.address,
            businessScope: e.businessScope,
          },
          validFrom: e.establishedOn,
          actor: { id: 'system', kind: 'system' },
        });
        businessLicenses++;
      }
    }
  });
  return { businessLicenses };
}
