/**
 * 免提交: a material the government already holds — a valid e-licence of the type the guide names
 * (电子证照), or data a department shares (共享数据) — is attached to the application instead of
 * uploaded, with the applicant's consent (授权调取). The case records how many materials and
 * visits that saved.
 *
 * Where the licences and shared data come from is the app's wiring (`CasesDeps.materialSources`):
 * cases knows neither module's tables.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/index.js';
import { unauthorized } from '../../../platform/errors.js';
import type { Item, Material } from '../../../../../contracts/catalog.js';
import type { CasesDeps } from '../cases.deps.js';
import { kq } from '../cases.tables.js';
import { appendCaseEvent } from '../process/events.js';

/** Who applies, as the material sources need it: the person, and the enterprise acted for. */
export interface Holder {
  personId: string;
  enterprise: { id: string; creditCode: string } | null;
}

export interface HeldLicense {
  id: string;
  typeCode: string;
  typeName: string;
  number: string;
}

/** What the platform holds that can stand in for materials (wired in app.ts). */
export interface MaterialSources {
  /** Valid (not revoked, suspended or expired) e-licences of these types held by the applicant. */
  licenses(holder: Holder, typeCodes: string[], at: Date): Promise<HeldLicense[]>;
  /** The shared-data resources, of these, that hold data about the applicant. */
  sharedData(holder: Holder, resources: string[]): Promise<{ resource: string; name: string }[]>;
  /** Logs that the case's department used a licence within the case (用证), in the case's transaction. */
  recordLicenseUse(
    trx: Db,
    use: { licenseId: string; caseId: string; departmentId: string; purpose: string; at: Date },
  ): Promise<void>;
}

export type SatisfiedBy =
  | { kind: 'license'; licenseId: string; typeName: string; number: string }
  | { kind: 'shared'; resource: string; resourceName: string }
  /** The application form (在线填报): the form submitted with the application is the material. */
  | { kind: 'form' };

export interface ReusePlan {
  materials: { index: number; name: string; necessity: Material['necessity']; satisfiedBy: SatisfiedBy | null }[];
  /** Materials that need nothing from the applicant, and visits saved (a paper original no longer shown at a window). */
  saved: { materials: number; visits: number };
}

export function holderOf(actor: Actor & { id: string }): Holder {
  return {
    personId: actor.id,
    enterprise: actor.actingFor ? { id: actor.actingFor.enterpriseId, creditCode: actor.actingFor.creditCode } : null,
  };
}

/** A 在线填报 material of an item with an application form is the form submitted with the case. */
export const filledOnline = (item: Item, m: Material): boolean => m.source === 'online_form' && item.form.length > 0;

/** For each material of the guide, what the platform holds that can stand in for it. */
export async function planReuse(
  sources: MaterialSources | undefined,
  item: Item,
  holder: Holder,
  at: Date,
): Promise<ReusePlan> {
  const licenseTypes = [...new Set(item.materials.flatMap((m) => (m.licenseType ? [m.licenseType] : [])))];
  const resources = [...new Set(item.materials.flatMap((m) => (m.sharedData ? [m.sharedData] : [])))];
  const [licenses, shared] = sources
    ? await Promise.all([
        licenseTypes.length ? sources.licenses(holder, licenseTypes, at) : [],
        resources.length ? sources.sharedData(holder, resources) : [],
      ])
    : [[], []];
  const materials = item.materials.map((m, index) => {
    // An optional material depends on circumstances (an agent's ID card when an agent applies): never assumed.
    const wanted = m.necessity !== 'optional';
    const license = wanted && m.licenseType ? licenses.find((l) => l.typeCode === m.licenseType) : undefined;
    const data = wanted && m.sharedData ? shared.find((s) => s.resource === m.sharedData) : undefined;
    const satisfiedBy: SatisfiedBy | null = filledOnline(item, m)
      ? { kind: 'form' }
      : license
        ? { kind: 'license', licenseId: license.id, typeName: license.typeName, number: license.number }
        : data
          ? { kind: 'shared', resource: data.resource, resourceName: data.name }
          : null;
    return { index, name: m.name, necessity: m.necessity, satisfiedBy };
  });
  const reused = materials.filter((m) => m.satisfiedBy && m.satisfiedBy.kind !== 'form');
  // A visit is saved when an original on paper would otherwise have had to be shown at a window.
  const visits = reused.some(
    (m) => item.materials[m.index]!.originals > 0 && item.materials[m.index]!.form !== 'electronic',
  )
    ? 1
    : 0;
  return { materials, saved: { materials: reused.length, visits } };
}

/** `GET /api/applications/{itemCode}/materials`: what the signed-in applicant need not bring. */
export async function reusableMaterials(
  deps: CasesDeps,
  actor: Actor,
  itemCode: string,
): Promise<ReusePlan & { consentRequired: boolean }> {
  if (actor.kind !== 'person' || !actor.id)
    throw unauthorized('AUTH.REQUIRED', { zh: '请先登录', en: 'Sign-in required' });
  const { item } = await deps.processes.get(itemCode);
  const plan = await planReuse(deps.materialSources, item, holderOf(actor as Actor & { id: string }), deps.now());
  return { ...plan, consentRequired: plan.saved.materials > 0 };
}

/** Attaches the reusable materials to a new case, inside the transaction that writes the case. */
export async function attachReused(
  trx: Db,
  deps: CasesDeps,
  actor: Actor & { id: string },
  c: { caseId: string; item: Item },
  plan: ReusePlan,
  at: Date,
): Promise<void> {
  type Held = Exclude<SatisfiedBy, { kind: 'form' }>;
  const reused = plan.materials.flatMap((m) =>
    m.satisfiedBy && m.satisfiedBy.kind !== 'form' ? [{ index: m.index, name: m.name, by: m.satisfiedBy as Held }] : [],
  );
  if (reused.length === 0) return;
  await kq(trx)
    .insertInto('cases.material')
    .values(
      reused.map((m) => ({
        id: randomUUID(),
        caseId: c.caseId,
        materialIndex: m.index,
        name: m.name,
        kind: m.by.kind === 'license' ? ('license' as const) : ('shared_data' as const),
        fileKey: null,
        contentType: null,
        size: null,
        reference: m.by.kind === 'license' ? m.by.licenseId : m.by.resource,
        addedBy: actor.id,
        addedAt: at,
      })),
    )
    .execute();
  await kq(trx)
    .updateTable('cases.case')
    .set({ materialsSaved: plan.saved.materials, visitsSaved: plan.saved.visits })
    .where('id', '=', c.caseId)
    .execute();
  for (const m of reused) {
    if (m.by.kind === 'license') {
      await deps.materialSources!.recordLicenseUse(trx, {
        licenseId: m.by.licenseId,
        caseId: c.caseId,
        departmentId: c.item.department.id,
        purpose: `办理「${c.item.name}」：${m.name}`,
        at,
      });
    }
  }
  await appendCaseEvent(trx, {
    caseId: c.caseId,
    actor,
    type: 'materials-reused',
    from: null,
    to: null,
    at,
    detail: { materials: reused.map((m) => ({ index: m.index, name: m.name, kind: m.by.kind })), saved: plan.saved },
  });
}
