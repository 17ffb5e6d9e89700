/**
 * 预填 with consent: a signed-in person lets the platform fill the application form of an item
 * (or of a theme, 一件事) from the registries. Nothing is read without `consent: true`; with it,
 * in one transaction, the consent is recorded (exchange.prefill_consent), each registry read is
 * written to the access log the person sees as 谁用了我的数据 — for the item's department, by
 * the person themselves — and the values are answered for the form's keys only.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/index.js';
import { invalid, notFound, unauthorized, unprocessable } from '../../../platform/errors.js';
import { getPublishedItem, getTheme, getThemeApplication } from '../../catalog/index.js';
import type { ExchangeDeps } from '../exchange.deps.js';
import { sq } from '../exchange.tables.js';
import { openPersonal } from '../person-record.js';
import { CHILD_KEYS, ENTERPRISE_KEYS, PERSON_KEYS } from './prefill-keys.js';
import { youngestChildOf } from './child.js';

export type PrefillTarget = { itemCode: string } | { theme: string; region?: string | undefined };

export interface Prefilled {
  /** Form key → value, for the keys the registries hold. */
  values: Record<string, string | number>;
  /** What was read, as the data-use log names it. */
  read: { resource: 'population.person' | 'legal_entity.basic'; keys: string[] }[];
}

/** The form keys, department and name of what the person applies for. */
async function target(db: Db, t: PrefillTarget) {
  if ('itemCode' in t) {
    const item = await getPublishedItem(db, t.itemCode);
    return { code: item.code, name: item.name, departmentId: item.department.id, keys: item.form.map((f) => f.key) };
  }
  const [theme, app] = await Promise.all([getTheme(db, t.theme, t.region), getThemeApplication(db, t.theme, t.region)]);
  const first = theme.steps[0];
  if (!first) throw notFound('CATALOG.THEME_NOT_FOUND', { zh: '该主题在所选地区没有事项', en: 'No items here' });
  return {
    code: theme.slug,
    name: theme.name,
    departmentId: first.item.department.id,
    keys: app.fields.map((f) => f.key),
  };
}

export async function prefillForm(
  deps: ExchangeDeps,
  actor: Actor,
  input: PrefillTarget & { consent: boolean },
): Promise<Prefilled> {
  if (actor.kind !== 'person' || !actor.id)
    throw unauthorized('AUTH.REQUIRED', { zh: '请先登录', en: 'Sign in first' });
  if (input.consent !== true)
    throw invalid(
      'EXCHANGE.CONSENT_REQUIRED',
      { zh: '须经您同意，才能从个人和企业信息中预填', en: 'Prefilling from the registries needs your consent' },
      [
        {
          field: 'body.consent',
          code: 'EXCHANGE.CONSENT_REQUIRED',
          message: { zh: '请勾选同意', en: 'Consent is required' },
        },
      ],
    );
  const what = await target(deps.db, input);
  const personKeys = what.keys.filter((k) => k in PERSON_KEYS);
  const enterpriseKeys = actor.actingFor ? what.keys.filter((k) => k in ENTERPRISE_KEYS) : [];
  // A key both could fill (creditCode only belongs to enterprises): the enterprise's when acting for one.
  const ownKeys = personKeys.filter((k) => !enterpriseKeys.includes(k));
  const childKeys = what.keys.filter((k) => k in CHILD_KEYS);
  const registryId = ownKeys.length || childKeys.length ? await deps.identity.registryPersonOf(actor.id) : undefined;
  if (!registryId && enterpriseKeys.length === 0)
    throw unprocessable('EXCHANGE.NOTHING_TO_PREFILL', {
      zh: '该申请表没有可从个人或企业信息预填的内容',
      en: 'Nothing on this form can be filled from the registries',
    });
  const at = deps.now();
  const purpose = `申请「${what.name}」时本人授权预填申请表`;
  return deps.db.transaction().execute(async (trx) => {
    await sq(trx)
      .insertInto('exchange.prefillConsent')
      .values({
        id: randomUUID(),
        accountId: actor.id!,
        registryPersonId: registryId ?? null,
        creditCode: actor.actingFor?.creditCode ?? null,
        itemCode: what.code,
        departmentId: what.departmentId,
        purpose,
        keys: [...ownKeys, ...childKeys, ...enterpriseKeys],
        consentedAt: at,
      })
      .execute();
    const values: Record<string, string | number> = {};
    const read: Prefilled['read'] = [];
    const log = (
      resource: Prefilled['read'][number]['resource'],
      subjectKind: 'person' | 'enterprise',
      subjectKey: string,
      fields: string[],
    ) =>
      deps.chain.append(
        {
          at,
          consumerDepartmentId: what.departmentId,
          clientId: null,
          officerId: actor.id!,
          officerKind: 'person',
          purpose,
          resourceCode: resource,
          grantId: null,
          subjectKind,
          subjectKey,
          fields,
        },
        trx,
      );
    if (registryId && ownKeys.length) {
      const p = await sq(trx)
        .selectFrom('exchange.person')
        .select(['idNumberEnc', 'personalEnc'])
        .where('id', '=', registryId)
        .executeTakeFirstOrThrow();
      const personal = openPersonal(deps.cipher, p.personalEnc);
      const facts = { name: personal.name, address: personal.address, idNumber: deps.cipher.decrypt(p.idNumberEnc) };
      for (const k of ownKeys) values[k] = facts[PERSON_KEYS[k]!];
      const fields = [...new Set(ownKeys.map((k) => PERSON_KEYS[k]!))];
      await log('population.person', 'person', registryId, fields);
      read.push({ resource: 'population.person', keys: ownKeys });
    }
    const child = registryId && childKeys.length ? await youngestChildOf(trx, deps.cipher, registryId) : undefined;
    if (child) {
      for (const k of childKeys) values[k] = child[CHILD_KEYS[k]!];
      await log('population.person', 'person', child.id, [...new Set(childKeys.map((k) => CHILD_KEYS[k]!))]);
      read.push({ resource: 'population.person', keys: childKeys });
    }
    if (actor.actingFor && enterpriseKeys.length) {
      const e = await sq(trx)
        .selectFrom('exchange.legalEntity as e')
        .innerJoin('exchange.person as p', 'p.id', 'e.legalRepresentativeId')
        .select(['e.creditCode', 'e.name', 'e.address', 'e.businessScope', 'e.registeredCapital', 'p.personalEnc'])
        .where('e.creditCode', '=', actor.actingFor.creditCode)
        .executeTakeFirst();
      if (e) {
        const facts = {
          name: e.name,
          creditCode: e.creditCode,
          address: e.address,
          businessScope: e.businessScope,
          registeredCapital: e.registeredCapital,
          legalRepresentativeName: openPersonal(deps.cipher, e.personalEnc).name,
        };
        for (const k of enterpriseKeys) {
          const v = facts[ENTERPRISE_KEYS[k]!];
          if (v !== null && v !== '') values[k] = v;
        }
        await log('legal_entity.basic', 'enterprise', e.creditCode, [
          ...new Set(enterpriseKeys.map((k) => ENTERPRISE_KEYS[k]!)),
        ]);
        read.push({ resource: 'legal_entity.basic', keys: enterpriseKeys });
      }
    }
    return { values, read };
  });
}
