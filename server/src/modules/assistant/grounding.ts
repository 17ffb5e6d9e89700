/**
 * "Never invent", checked mechanically. An answer is made only of fixed sentence templates whose
 * slots hold text of the guide it cites; {@link ungroundedLines} takes the answer's text and the
 * guide, and names every line that no template explains with slots found in the guide. A
 * rephrasing by a language model is held to a looser but still mechanical rule
 * ({@link ungroundedFacts}): every number and every quoted name in it must be in the guide.
 */
import type { Item } from '../../../../contracts/catalog.js';

/** 送达方式, 办理形式, 网上办理深度, 材料 necessity: the names of the codes a guide holds. */
export const DELIVERY_NAMES: Record<string, string> = { pickup: '窗口领取', post: '邮寄送达', online: '网上送达' };
export const FORM_NAMES: Record<string, string> = {
  '1': '窗口办理',
  '2': '电脑端网上办理',
  '3': '移动端网上申请',
  '4': '快递申请',
  '9': '其他方式',
};
export const DEPTH_NAMES: Record<number, string> = {
  1: '互联网咨询',
  2: '网上收件',
  3: '网上预审',
  4: '网上受理',
  5: '网上办理',
  6: '结果信息网上反馈',
  7: '电子证照网上反馈',
};
export const NECESSITY_NAMES: Record<string, string> = { required: '必要', optional: '非必要', deferrable: '容缺后补' };

/**
 * Every sentence an answer may say. A slot holds guide text: `{item}` the item's name, `{promised}`,
 * `{legal}` and `{visits}` those very fields, `{}` any text or figure of the guide (or the name of a
 * code it holds). Anything else in an answer is an invention.
 */
export const TEMPLATES = {
  materials: '办理「{item}」需要准备以下材料：',
  material: '{}：原件{}份，复印件{}份',
  materialNote: '{}：原件{}份，复印件{}份（{}）',
  materialHeld: '{}：可用电子证照或共享数据免提交',
  conditions: '办理「{item}」的受理条件：',
  place: '办理地点：{}',
  hours: '办理时间：{}',
  placeLead: '「{item}」（{}）的办理地点和时间：',
  timeLimit: '「{item}」法定办结时限{legal}个工作日，承诺{promised}个工作日内办结。',
  timeLimitNow: '「{item}」是即办件，材料齐全当场办结（法定时限{legal}个工作日）。',
  feesNone: '办理「{item}」不收费。',
  fees: '办理「{item}」的收费项目：',
  fee: '{}：{}',
  feeWaivable: '{}：{}（可减免）',
  process: '办理「{item}」的流程：',
  step: '{}：{}',
  stepDays: '{}（{}个工作日）：{}',
  onlineYes: '「{item}」可以网上办理：{}。',
  onlineDepth: '网上办理深度：{}',
  onlineNo: '「{item}」暂不能网上办理，需到窗口办理。',
  visitsNone: '办理「{item}」不用跑现场（零跑动）。',
  visits: '办理「{item}」最多跑{visits}次。',
  visitReason: '须到现场的原因：{}',
  result: '办结后得到「{}」。',
  delivery: '领取方式：{}',
  phoneLead: '「{item}」（{}）的电话：',
  consult: '咨询电话：{}',
  complaint: '监督投诉电话：{}',
  provinceWideYes: '「{item}」可以全省通办：在省内任一政务服务中心都能申请。',
  provinceWideNo: '「{item}」暂不支持全省通办，请到{}办理。',
  summary: '「{item}」：{}',
  summaryName: '关于「{item}」，办事指南的要点：',
  summaryLimit: '承诺时限：{promised}个工作日',
  summaryVisits: '跑动次数：{visits}次',
} as const;
export type TemplateKey = keyof typeof TEMPLATES;

const SLOT = /\{(\w*)\}/g;

/** Fills a template's slots in order. */
export function say(key: TemplateKey, ...values: (string | number)[]): string {
  let i = 0;
  return TEMPLATES[key].replace(SLOT, () => String(values[i++] ?? ''));
}

/** Codes a guide holds that are not facts to tell (their names are added instead). */
const CODES = new Set([
  'onlineDepth',
  'handlingForms',
  'deliveryMethods',
  'serviceObjects',
  'exerciseLevel',
  'implementerNature',
  'itemType',
  'caseKind',
  'necessity',
  'form',
  'source',
  'type',
  'status',
  'version',
  'level',
  'lists',
  'provinceWide',
  'waivable',
]);

/** Everything the guide says, as the texts and figures an answer's slots may hold. */
export function guideTexts(item: Item): string[] {
  const texts: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string' || typeof v === 'number') texts.push(String(v));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, value] of Object.entries(v)) if (!CODES.has(k)) walk(value);
    }
  };
  walk(item);
  texts.push(...item.deliveryMethods.map((d) => DELIVERY_NAMES[d]!));
  texts.push(...item.handlingForms.map((f) => FORM_NAMES[f]!));
  texts.push(...item.onlineDepth.map((d) => DEPTH_NAMES[d]!));
  texts.push(...item.materials.map((m) => NECESSITY_NAMES[m.necessity]!));
  return texts;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PATTERNS = Object.values(TEMPLATES).map((t) => ({
  slots: [...t.matchAll(SLOT)].map((m) => m[1]!),
  regex: new RegExp(
    `^${t
      .split(SLOT)
      .filter((_, i) => i % 2 === 0)
      .map(escape)
      .join('(.+?)')}$`,
  ),
}));

/** The fields a named slot must equal. */
const FIELDS: Record<string, (item: Item) => string> = {
  item: (item) => item.name,
  promised: (item) => String(item.promisedLimitDays),
  legal: (item) => String(item.legalLimitDays),
  visits: (item) => String(item.visits),
};

/** A slot's text is grounded when the guide holds it whole, or as a list of guide texts joined by "、"; a number only as one of its figures. */
function grounded(slot: string, texts: readonly string[], all: string): boolean {
  // A number must be one of the guide's own figures, not any digit found somewhere in its text.
  if (/^\d+$/.test(slot)) return texts.includes(slot);
  return all.includes(slot) || slot.split('、').every((part) => texts.includes(part) || all.includes(part));
}

/** The lines of an answer that are neither one of the guide's texts nor a template filled with them. */
export function ungroundedLines(lines: readonly string[], item: Item): string[] {
  const texts = guideTexts(item);
  const all = texts.join('\n');
  return lines.filter(
    (line) =>
      // A line that is one of the guide's own texts whole (a condition) says only what the guide says.
      !texts.includes(line) &&
      !PATTERNS.some(({ slots, regex }) => {
        const m = regex.exec(line);
        return (
          m !== null &&
          m.slice(1).every((value, i) => {
            const field = FIELDS[slots[i]!];
            return field ? field(item) === value : grounded(value, texts, all);
          })
        );
      }),
  );
}

/** Numbers, and names in quotes or book-title marks: the facts a free sentence can state. */
const FACT = /\d+(?:[.:：-]\d+)*|「([^」]+)」|《([^》]+)》|“([^”]+)”/g;

/** The facts of a free text (a language model's rephrasing) that the guide does not hold. */
export function ungroundedFacts(text: string, item: Item): string[] {
  const texts = guideTexts(item);
  const all = texts.join('\n');
  const missing: string[] = [];
  for (const m of text.matchAll(FACT)) {
    const fact = m[1] ?? m[2] ?? m[3] ?? m[0];
    if (
      !(/^\d+$/.test(fact)
        ? texts.includes(fact) || new RegExp(`(?<!\\d)${fact}(?!\\d)`).test(all)
        : all.includes(fact))
    )
      missing.push(fact);
  }
  return missing;
}
