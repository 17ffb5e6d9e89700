/**
 * 智能客服 · ask: a question in plain words answered from the published guide of the item it is
 * about. The service comes from the catalogue search (colloquial phrases, pinyin, synonyms), the
 * aspect from the classifier, the region from the question, the conversation, the person's household
 * — or is asked back where it matters; a follow-up refers to the conversation's item. Two items that
 * fit equally are offered as choices; nothing that fits is said plainly (`declined`).
 */
import { randomUUID } from 'node:crypto';
import type { AskAnswer, AskInput, Aspect, ItemRef, NextAction } from '../../../../contracts/assistant.js';
import type { Item } from '../../../../contracts/catalog.js';
import type { ServiceHit } from '../../../../contracts/search.js';
import { displayName } from '../../../../contracts/display-names.js';
import type { Actor } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import type { AssistantDeps } from './assistant.deps.js';
import { composeAspect, composeSummary, REGIONAL_ASPECTS, type Composed } from './compose.js';
import { ungroundedFacts } from './grounding.js';
import { maskQuestion, normaliseQuestion, readQuestion, type RegionName, type RegionNames } from './question.js';
import {
  deleteExpiredConversations,
  findConversation,
  saveConversation,
  type Conversation,
} from './conversations.repository.js';
import { recordQuestion } from './questions.repository.js';

/** A hit below this score is not what the question is about (a region or a stray word matched it). */
const MIN_SCORE = 0.6;
/** A second service scoring this close to the first fits as well: the person chooses. */
const TIE = 0.9;
/** 政务服务便民热线. */
export const HOTLINE = '12345';

const conversationNotFound = () =>
  notFound('ASSISTANT.CONVERSATION_NOT_FOUND', {
    zh: '会话已结束或不存在，请重新提问',
    en: 'The conversation has ended or does not exist; please ask again',
  });

type Found = { kind: 'item'; hit: ItemRef } | { kind: 'choices'; choices: ItemRef[] } | { kind: 'none' };

/** The service a search names: one that fits, a choice between equals, or none. */
function chooseHit(hits: readonly ServiceHit[], service: string): Found {
  // The one service whose very name the question says ("离婚登记" is 内地居民离婚登记, however the words score).
  const named = hits.filter((h) => h.score >= MIN_SCORE * 0.8 && service.length >= 2 && h.name.includes(service));
  if (named.length === 1) return { kind: 'item', hit: { code: named[0]!.code, name: named[0]!.name } };
  const [top] = hits;
  if (!top || top.score < MIN_SCORE) return { kind: 'none' };
  const equals = hits.filter((h) => h.score >= top.score * TIE).slice(0, 3);
  if (equals.length > 1) return { kind: 'choices', choices: equals.map((h) => ({ code: h.code, name: h.name })) };
  return { kind: 'item', hit: { code: top.code, name: top.name } };
}

const ORDINALS = ['第一', '第二', '第三'];

/** The choice a reply names: its name, or 第一个 / 第二个. */
function pickChoice(question: string, choices: readonly ItemRef[]): ItemRef | undefined {
  const byName = choices.find((c) => question.includes(c.name) || c.name.includes(question.trim()));
  if (byName) return byName;
  const i = ORDINALS.findIndex((o) => question.includes(o));
  return i >= 0 ? choices[i] : undefined;
}

function actionsFor(item: Item): NextAction[] {
  const actions: NextAction[] = [{ kind: 'guide', href: `/items/${item.code}` }];
  const online = item.handlingForms.some((f) => f === '2' || f === '3') && item.onlineDepth.some((d) => d >= 2);
  if (online && !['02', '03', '06'].includes(item.itemType))
    actions.push({ kind: 'apply', href: `/items/${item.code}/apply` });
  return actions;
}

const DECLINED_ACTIONS: NextAction[] = [
  { kind: 'hotline', phone: HOTLINE },
  { kind: 'complaint', href: '/me/complaints' },
];

export async function ask(deps: AssistantDeps, actor: Actor, input: AskInput): Promise<AskAnswer> {
  const now = deps.now();
  const person = actor.kind === 'person' && actor.id ? actor.id : null;
  const conversation = await openConversation(deps, person, input.conversationId, now);
  const regions = await deps.catalog.regionNames();
  const q = readQuestion(input.question, regions);
  const region = q.region ?? regionOf(conversation) ?? (person ? await householdOf(deps, person, regions) : undefined);
  const answerId = randomUUID();
  const base = { conversationId: conversation.id, answerId, ...(region ? { region } : {}) };

  const finish = async (answer: AskAnswer, state: Partial<Conversation>): Promise<AskAnswer> => {
    await saveConversation(deps.db, {
      ...conversation,
      ...state,
      regionCode: region?.code ?? null,
      regionName: region?.name ?? null,
      lastAnswerId: answerId,
      lastQuestion: maskQuestion(input.question),
      lastDeclined: answer.declined === true,
      turns: conversation.turns + 1,
      expiresAt: new Date(now.getTime() + deps.conversationMinutes * 60_000),
    });
    return answer;
  };

  if (q.myCases) return finish(await ownCasesAnswer(deps, actor, base), { pending: {} });

  // Which item: a choice or a region the conversation asked for, the question's own service, or the conversation's item.
  let aspects: Aspect[] = q.aspects;
  let found: Found = { kind: 'none' };
  const pending = conversation.pending;
  const picked = pending.choices ? pickChoice(input.question, pending.choices) : undefined;
  if (picked) {
    found = { kind: 'item', hit: picked };
    if (aspects.length === 0) aspects = (pending.aspects ?? []) as Aspect[];
  } else if (q.service !== '') {
    // A phrase a catalogue administrator mapped names its item; anything else is searched.
    const mapped = (await deps.catalog.mappedServices()).get(normaliseQuestion(q.service));
    const result = await deps.search.search({
      q: mapped?.name ?? q.service,
      region: region?.code,
      page: 1,
      pageSize: 5,
    });
    const forced = mapped && result.items.find((h) => h.basicCode === mapped.basicCode);
    found = forced
      ? { kind: 'item', hit: { code: forced.code, name: forced.name } }
      : chooseHit(result.items, q.service);
  } else if (conversation.itemCode && conversation.itemName) {
    found = { kind: 'item', hit: { code: conversation.itemCode, name: conversation.itemName } };
    if (aspects.length === 0) aspects = (pending.aspects ?? []) as Aspect[];
  } else {
    return finish(
      {
        ...base,
        answer: '请告诉我您要办理的事项，例如“开饭店要带什么材料？”',
        lines: [],
        sources: [],
        actions: [],
      },
      { pending: {} },
    );
  }

  if (found.kind === 'none') {
    await recordQuestion(
      deps.db,
      {
        question: maskQuestion(input.question),
        normalised: normaliseQuestion(maskQuestion(input.question)),
        service: normaliseQuestion(q.service),
        reason: 'declined',
        itemCode: null,
        itemName: null,
      },
      now,
    );
    return finish(
      {
        ...base,
        answer: `抱歉，已发布的办事指南中没有能回答这个问题的内容。您可以拨打政务服务热线${HOTLINE}咨询，或提出投诉建议。`,
        lines: [],
        sources: [],
        actions: DECLINED_ACTIONS,
        declined: true,
      },
      { pending: {} },
    );
  }
  if (found.kind === 'choices') {
    return finish(
      {
        ...base,
        answer: '有几个事项都符合您的问题，请问您要办理的是哪一个？',
        lines: [],
        sources: [],
        choices: found.choices,
        actions: [],
        ...(aspects[0] ? { aspect: aspects[0] } : {}),
      },
      { pending: { choices: found.choices, aspects } },
    );
  }

  // The place and the phones differ by region: ask for it when it is not known.
  if (!region && aspects.some((a) => REGIONAL_ASPECTS.has(a))) {
    return finish(
      {
        ...base,
        answer: `「${found.hit.name}」的办理地点和电话因地区而不同，请问您在哪个市、区（县）办理？`,
        lines: [],
        item: found.hit,
        aspect: aspects[0],
        sources: [],
        asksRegion: true,
        actions: [],
      },
      { itemCode: found.hit.code, itemName: found.hit.name, pending: { aspects, asksRegion: true } },
    );
  }

  const item = await implementationFor(deps, found.hit, region);
  const parts: Composed[] = aspects.length
    ? aspects.slice(0, 2).map((a) => composeAspect(item, a))
    : [composeSummary(item)];
  const [first, ...more] = parts;
  const lines = [...first!.lines, ...more.flatMap((p) => [p.lead, ...p.lines])];
  let lead = first!.lead;
  const rephrased = deps.languageModel ? await rephrase(deps, item, input.question, lead, lines) : undefined;
  if (rephrased) lead = rephrased;
  return finish(
    {
      ...base,
      answer: lead,
      lines,
      item: { code: item.code, name: item.name },
      ...(aspects[0] ? { aspect: aspects[0] } : {}),
      sources: parts.map((p) => ({ itemCode: item.code, section: p.section })),
      actions: actionsFor(item),
      ...(rephrased ? { rephrased: true } : {}),
    },
    { itemCode: item.code, itemName: item.name, pending: {} },
  );
}

async function openConversation(
  deps: AssistantDeps,
  person: string | null,
  id: string | undefined,
  now: Date,
): Promise<Conversation> {
  if (id) {
    const found = await findConversation(deps.db, id, now);
    // Another person's conversation, or a signed-in one continued without signing in, is no one's to continue.
    if (!found || found.personId !== person) throw conversationNotFound();
    return found;
  }
  await deleteExpiredConversations(deps.db, now);
  return {
    id: randomUUID(),
    personId: person,
    itemCode: null,
    itemName: null,
    regionCode: null,
    regionName: null,
    pending: {},
    lastAnswerId: null,
    lastQuestion: null,
    lastDeclined: false,
    turns: 0,
    createdAt: now,
    expiresAt: now,
  };
}

const regionOf = (c: Conversation): RegionName | undefined =>
  c.regionCode && c.regionName ? { code: c.regionCode, name: c.regionName } : undefined;

/** The county of the person's household, when the catalogue knows it. */
async function householdOf(deps: AssistantDeps, person: string, regions: RegionNames): Promise<RegionName | undefined> {
  const code = (await deps.householdRegion?.(person))?.slice(0, 6);
  if (!code) return undefined;
  return regions.byCode(code);
}

/** The implementation of the chosen service for the region (a conversation's item may be another region's). */
async function implementationFor(deps: AssistantDeps, hit: ItemRef, region: RegionName | undefined): Promise<Item> {
  const item = await deps.catalog.guide(hit.code);
  if (!region || item.region.code === region.code) return item;
  const again = await deps.search.search({ q: item.name, region: region.code, page: 1, pageSize: 5 });
  const same = again.items.find((h) => h.basicCode === item.basicCode);
  return same && same.code !== item.code ? deps.catalog.guide(same.code) : item;
}

async function rephrase(deps: AssistantDeps, item: Item, question: string, lead: string, lines: string[]) {
  try {
    const text = await deps.languageModel!.rephrase({ question, lead, lines });
    if (!text) return undefined;
    const invented = ungroundedFacts(text, item);
    if (invented.length === 0) return text;
    deps.log.warn({ item: item.code, invented }, 'assistant: rephrasing dropped, it states facts the guide does not');
  } catch (err) {
    deps.log.warn({ err }, 'assistant: language model failed; the composed answer stands');
  }
  return undefined;
}

async function ownCasesAnswer(
  deps: AssistantDeps,
  actor: Actor,
  base: Pick<AskAnswer, 'conversationId' | 'answerId'>,
): Promise<AskAnswer> {
  const actions: NextAction[] = [{ kind: 'myCases', href: '/me/cases' }];
  if (actor.kind !== 'person' || !deps.ownCases) {
    return { ...base, answer: '请先登录，登录后可以查看您本人申请的办理进度。', lines: [], sources: [], actions };
  }
  const cases = (await deps.ownCases(actor)).slice(0, 5);
  if (cases.length === 0) return { ...base, answer: '您还没有提交过申请。', lines: [], sources: [], actions };
  return {
    ...base,
    answer: `您最近的${cases.length}件申请办理进度如下：`,
    lines: cases.map((c) => `「${c.itemName}」（${c.trackingCode}）：${displayName('caseStatus', c.status, 'zh')}`),
    sources: [],
    actions,
  };
}
