/** Template text: an administrator's override per kind, channel and language, else the default. */
import type { Actor } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/index.js';
import { notFound, unprocessable } from '../../../platform/errors.js';
import type { Template, TemplateText } from '../../../../../contracts/notify.js';
import { CHANNELS, nq, type ChannelName, type Locale } from '../notify.tables.js';
import { isMessageKind, MESSAGE_KINDS, type MessageKindName, type Text } from './catalogue.js';
import { variablesOf } from './render.js';

const LOCALES: Locale[] = ['zh-CN', 'en'];

/**
 * The administrators' overrides, read once and kept in memory per database: an edit on this node
 * clears it at once, an edit on another node is seen within {@link CACHE_MS}.
 */
const CACHE_MS = 30_000;
const cache = new WeakMap<Db, { at: number; overrides: Promise<Map<string, Text>> }>();

function overrides(db: Db): Promise<Map<string, Text>> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.overrides;
  const loading = nq(db)
    .selectFrom('notify.template')
    .select(['event', 'channel', 'locale', 'title', 'body'])
    .execute()
    .then(
      (rows) => new Map(rows.map((r) => [`${r.event}|${r.channel}|${r.locale}`, { title: r.title, body: r.body }])),
    );
  cache.set(db, { at: Date.now(), overrides: loading });
  // A failed read is not cached; the caller awaits `loading` and sees the error (this branch cannot reject).
  void loading.catch(() => cache.delete(db));
  return loading;
}

export async function templateFor(db: Db, kind: MessageKindName, channel: ChannelName, locale: Locale): Promise<Text> {
  return (await overrides(db)).get(`${kind}|${channel}|${locale}`) ?? MESSAGE_KINDS[kind].text[locale];
}

export async function listTemplates(db: Db): Promise<Template[]> {
  const rows = await nq(db).selectFrom('notify.template').selectAll().execute();
  const custom = new Map(rows.map((r) => [`${r.event}|${r.channel}|${r.locale}`, r]));
  return Object.entries(MESSAGE_KINDS).flatMap(([kind, k]) =>
    CHANNELS.filter((c) =>
      k.audience === 'address' ? c === 'sms' : k.audience === 'staff' ? c !== 'sms' : true,
    ).flatMap((channel) =>
      LOCALES.map((locale) => {
        const over = custom.get(`${kind}|${channel}|${locale}`);
        return {
          kind,
          name: k.name,
          audience: k.audience,
          urgent: k.urgent,
          variables: [...k.vars],
          channel,
          locale,
          title: over?.title ?? k.text[locale].title,
          body: over?.body ?? k.text[locale].body,
          customised: Boolean(over),
        };
      }),
    ),
  );
}

/** Saves an override; a text may use only its kind's variables. */
export async function saveTemplate(
  deps: { db: Db; now: () => Date },
  actor: Actor,
  key: { kind: string; channel: ChannelName; locale: Locale },
  text: TemplateText,
): Promise<void> {
  if (!isMessageKind(key.kind))
    throw notFound('NOTIFY.NO_SUCH_KIND', { zh: '没有这种消息', en: 'No such kind of message' });
  const allowed: readonly string[] = MESSAGE_KINDS[key.kind].vars;
  const unknownIn = (t: string) => variablesOf(t).filter((v) => !allowed.includes(v));
  const unknown = [...unknownIn(text.title), ...unknownIn(text.body)];
  if (unknown.length)
    throw unprocessable(
      'NOTIFY.UNKNOWN_VARIABLE',
      {
        zh: `模板使用了不存在的变量：${unknown.join('、')}`,
        en: `The template uses unknown variables: ${unknown.join(', ')}`,
      },
      (['title', 'body'] as const).flatMap((field) => {
        const names = unknownIn(text[field]);
        return names.length
          ? [
              {
                field: `body.${field}`,
                code: 'NOTIFY.UNKNOWN_VARIABLE',
                message: { zh: `没有变量：${names.join('、')}`, en: `No such variable: ${names.join(', ')}` },
              },
            ]
          : [];
      }),
      { unknown, allowed },
    );
  const values = { title: text.title, body: text.body, updatedBy: actor.id!, updatedAt: deps.now() };
  await nq(deps.db)
    .insertInto('notify.template')
    .values({ event: key.kind, channel: key.channel, locale: key.locale, ...values })
    .onConflict((oc) => oc.columns(['event', 'channel', 'locale']).doUpdateSet(values))
    .execute();
  cache.delete(deps.db);
}

/** Back to the default text. */
export async function resetTemplate(db: Db, key: { kind: string; channel: ChannelName; locale: Locale }) {
  await nq(db)
    .deleteFrom('notify.template')
    .where('event', '=', key.kind)
    .where('channel', '=', key.channel)
    .where('locale', '=', key.locale)
    .execute();
  cache.delete(db);
}
