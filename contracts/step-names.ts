/**
 * English names of the steps of a service's process (办理流程: 申请、受理、审查、现场核查、决定、送达…)
 * and of a process definition's stages and tasks (材料审查、审批决定、作出许可决定…). These are
 * written in Chinese by catalogue and process administrators; the English interface names them by
 * composing the standard terms of administrative procedure (《行政许可法》第四章), longest first.
 * A name with anything the table does not know stays unnamed (`null`): the interface then shows
 * the Chinese, never a guess.
 */

/** Terms of administrative procedure, as the English interface names them. */
const TERMS: Record<string, string> = {
  申请: 'application',
  提交: 'submission',
  受理: 'acceptance',
  申请受理: 'acceptance of the application',
  预审: 'pre-review',
  初审: 'preliminary review',
  复审: 'second review',
  复核: 'recheck',
  审查: 'review',
  审核: 'examination',
  审批: 'approval',
  审定: 'final review',
  核验: 'verification',
  核查: 'verification',
  核实: 'verification',
  现场: 'on-site',
  勘验: 'inspection',
  勘察: 'survey',
  检查: 'inspection',
  检验: 'testing',
  检测: 'testing',
  鉴定: 'appraisal',
  评估: 'assessment',
  评审: 'evaluation',
  专家: 'expert',
  论证: 'appraisal',
  听证: 'hearing',
  公示: 'public notice',
  公告: 'announcement',
  征求意见: 'consultation',
  会签: 'countersigning',
  联合: 'joint',
  并联: 'parallel',
  决定: 'decision',
  作出: 'making the',
  许可: 'licensing',
  行政许可: 'administrative licensing',
  登记: 'registration',
  备案: 'filing',
  签发: 'signing',
  制证: 'certificate production',
  发证: 'certificate issuance',
  领证: 'certificate collection',
  送达: 'delivery',
  办结: 'completion',
  归档: 'archiving',
  缴费: 'payment',
  收费: 'fees',
  告知: 'notice',
  补正: 'correction',
  材料: 'materials',
  申请材料: 'application materials',
  经营场所: 'business premises',
  场所: 'premises',
  消防: 'fire safety',
  安全: 'safety',
  环境: 'environmental',
  卫生: 'hygiene',
  门头招牌: 'shop sign',
  油烟排放: 'cooking fume emission',
  窗口: 'window',
  部门: 'department',
};
/** Joining words and marks between terms. */
const JOINERS: Record<string, string> = { 与: 'and', 和: 'and', 及: 'and', 并: 'and', '、': 'and' };

const LONGEST = Math.max(...Object.keys(TERMS).map((t) => t.length));
const cache = new Map<string, string | null>();

/** A step's English name composed of known terms (`材料审查` → `Materials review`), or null. */
export function stepNameEn(name: string): string | null {
  const known = cache.get(name);
  if (known !== undefined) return known;
  const words: string[] = [];
  let i = 0;
  const text = name.trim();
  while (i < text.length) {
    let matched = '';
    for (let len = Math.min(LONGEST, text.length - i); len > 0 && !matched; len--) {
      const part = text.slice(i, i + len);
      if (TERMS[part]) matched = part;
    }
    // A joining word only where no term starts (并联 is a term, 并 alone joins).
    const joiner = matched ? undefined : JOINERS[text[i]!];
    if (joiner) {
      words.push(joiner);
      i++;
      continue;
    }
    if (!matched) {
      if (cache.size < 10_000) cache.set(name, null);
      return null;
    }
    words.push(TERMS[matched]!);
    i += matched.length;
  }
  const english = words.length === 0 ? null : capitalise(words.join(' '));
  if (cache.size < 10_000) cache.set(name, english);
  return english;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
