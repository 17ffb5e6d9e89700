/**
 * What of a guide a question asks about (材料 / 条件 / 地点与时间 / 时限 / 收费 / 流程 / 能否网办 /
 * 跑几次 / 结果 / 咨询电话 / 能否全省通办): a readable list of the words people use for each, in the
 * order they are tried. The words found are cut from the question before it is searched, so that
 * "材料" or "多少钱" never decides which service is meant.
 */
import type { Aspect } from '../../../../contracts/assistant.js';

interface Cue {
  aspect: Aspect;
  words: RegExp;
}

/** Specific words first: "不用跑" is about visits before "跑" could mean anything else. */
const CUES: readonly Cue[] = [
  {
    aspect: 'provinceWide',
    words:
      /(?:能不能|可不可以|能|可以)?(?:全省通办|异地(?:能|可以)?办|跨(?:市|县|地区|区域)(?:能|可以)?办|(?:在|到)?外地(?:能|可以)办|通办)吗?/g,
  },
  {
    aspect: 'visits',
    words: /(?:要|得|需要)?(?:跑|去)(?:几|多少)(?:次|趟|回)|跑腿|最多跑一次|(?:要|用|需要)?(?:去|到)现场吗?/g,
  },
  {
    aspect: 'online',
    words:
      /(?:能|可以|可不可以|能不能)?(?:在)?(?:网上|线上|手机上|在线|网办)(?:办理?|申请|办吗)?|不用(?:去|跑)|全程网办/g,
  },
  { aspect: 'phone', words: /(?:咨询)?电话(?:是多少|多少)?|热线|联系方式|找谁咨询|咨询/g },
  {
    aspect: 'fees',
    words: /(?:要|需要|得)?(?:多少钱|收费吗?|收不收费|费用(?:是多少|多少)?|要钱吗|花钱|交钱|工本费|免费吗)/g,
  },
  {
    aspect: 'timeLimit',
    words:
      /(?:要|需要|得)?(?:多久|多长时间|几天|多少天|几个工作日|时限|多快|什么时候(?:能|可以)?(?:拿到|下来|办好|办完))(?:能办好|能拿到|能下来)?/g,
  },
  {
    aspect: 'placeTime',
    words:
      /(?:要|得|应该)?(?:在哪(?:里|儿)?(?:办理?|申请)?|去哪(?:里|儿)?(?:办理?|申请)?|哪里办|办理地点|地点|地址|窗口|几点(?:上班|下班|开门)?|办公时间|上班时间|工作时间|周末(?:能|可以)?办吗?)/g,
  },
  {
    aspect: 'materials',
    words:
      /(?:要|需要|得)?(?:带|准备|提交|交|提供)?(?:什么|哪些|啥)(?:材料|资料|证件|东西)|(?:要|需要|得)?(?:带|准备|提交|提供)(?:什么|哪些|啥)|材料|资料/g,
  },
  {
    aspect: 'conditions',
    words:
      /(?:需要|要)?(?:有)?(?:什么|哪些)(?:条件|资格|要求)|资格条件|条件|要求|谁(?:能|可以)(?:办|申请)|(?:我)?(?:能|可以)(?:申请|办)吗|符合/g,
  },
  {
    aspect: 'result',
    words: /(?:办完|办好)?(?:能)?(?:拿到|发|给)(?:什么|啥)(?:证|证件|结果)?|(?:办理)?结果(?:是什么)?/g,
  },
  {
    aspect: 'process',
    words: /(?:办理)?(?:流程|步骤|程序)(?:是什么|是怎样的)?|怎么(?:办理|申请|弄|操作)|如何(?:办理|申请)/g,
  },
];

/** "怎么办" says only that the person wants to get it done: the process, when nothing else was asked. */
const WEAK_PROCESS = /怎么办|咋办|怎样办/g;

export interface AspectsFound {
  /** The aspects asked, in the order the question names them. */
  aspects: Aspect[];
  /** The question with the aspect words cut out (what is searched for the service). */
  rest: string;
}

/** Finds the aspects a question asks about. */
export function classifyAspects(question: string): AspectsFound {
  const found: { aspect: Aspect; at: number }[] = [];
  let rest = question;
  for (const cue of CUES) {
    rest = rest.replace(cue.words, (match, at: number) => {
      if (!found.some((f) => f.aspect === cue.aspect)) found.push({ aspect: cue.aspect, at });
      return ' '.repeat(match.length);
    });
  }
  rest = rest.replace(WEAK_PROCESS, (match, at: number) => {
    if (found.length === 0) found.push({ aspect: 'process', at });
    return ' '.repeat(match.length);
  });
  return { aspects: found.sort((a, b) => a.at - b.at).map((f) => f.aspect), rest: rest.replace(/\s+/g, ' ').trim() };
}
