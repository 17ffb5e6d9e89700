/**
 * The assistant's question set over the demo catalogue: plain-Chinese questions with the item and
 * aspect expected (null: the question asks no aspect). `after` is asked first in the same
 * conversation (follow-ups, choices and regions asked back); `choices` expects the person to be asked
 * which of these items; `declined` expects no answer; `asksRegion` expects the region asked back.
 * Shared by `assistant.questions.int.test.ts` and `npm run bench:assistant`.
 */
import type { Aspect } from '../../../../contracts/assistant.js';

export interface SetQuestion {
  q: string;
  after?: string[];
  item?: string;
  aspect?: Aspect | null;
  choices?: string[];
  declined?: true;
  asksRegion?: true;
}

export const QUESTION_SET: readonly SetQuestion[] = [
  // 材料
  { q: '开饭店要带什么材料？', item: '食品经营许可（新办）', aspect: 'materials' },
  { q: '开奶茶店需要准备哪些材料', item: '食品经营许可（新办）', aspect: 'materials' },
  { q: '身份证丢了补办要带啥', item: '居民身份证补领', aspect: 'materials' },
  { q: '结婚登记需要什么材料', item: '内地居民结婚登记', aspect: 'materials' },
  { q: '注册公司要提交哪些材料？', item: '企业设立登记（有限责任公司）', aspect: 'materials' },
  { q: '二手车过户要准备什么资料', item: '机动车转移登记（二手车过户）', aspect: 'materials' },
  { q: '办护照要什么证件', item: '普通护照签发', aspect: 'materials' },
  { q: '申请低保要带哪些材料', item: '最低生活保障审批', aspect: 'materials' },
  { q: '领失业金需要什么材料', item: '失业保险金申领', aspect: 'materials' },
  { q: '开药店要什么资料', item: '药品经营许可（零售）', aspect: 'materials' },
  // 条件
  { q: '申请公租房需要什么条件？', item: '公共租赁住房保障资格申请', aspect: 'conditions' },
  { q: '开诊所有什么要求', item: '诊所备案', aspect: 'conditions' },
  { q: '办居住证要符合什么条件', item: '居住证申领', aspect: 'conditions' },
  { q: '医疗救助谁可以申请', item: '医疗救助', aspect: 'conditions' },
  { q: '创业担保贷款需要什么条件', item: '创业担保贷款申请', aspect: 'conditions' },
  // 地点与时间
  { q: '南明区给孩子上户口在哪里办？', item: '户口登记（出生登记）', aspect: 'placeTime' },
  { q: '云岩区办结婚证去哪办', item: '内地居民结婚登记', aspect: 'placeTime' },
  { q: '黎平县换身份证的办理地点', item: '居民身份证换领', aspect: 'placeTime' },
  { q: '贵阳市办护照几点上班', item: '普通护照签发', aspect: 'placeTime' },
  { q: '孩子上户口在哪办，要多久？', item: '户口登记（出生登记）', aspect: 'placeTime', asksRegion: true },
  { q: '南明区', after: ['孩子上户口在哪办，要多久？'], item: '户口登记（出生登记）', aspect: 'placeTime' },
  // 时限
  { q: '换身份证要多久能拿到', item: '居民身份证换领', aspect: 'timeLimit' },
  { q: '食品经营许可要几个工作日', item: '食品经营许可（新办）', aspect: 'timeLimit' },
  { q: '工伤认定需要多长时间', item: '工伤认定', aspect: 'timeLimit' },
  { q: '办残疾证要多少天', item: '残疾人证新办', aspect: 'timeLimit' },
  { q: '开无犯罪证明多久能办好', item: '无犯罪记录证明开具', aspect: 'timeLimit' },
  { q: '离婚登记要多久', item: '内地居民离婚登记', aspect: 'timeLimit' },
  // 收费
  { q: '补办身份证要多少钱', item: '居民身份证补领', aspect: 'fees' },
  { q: '办港澳通行证收费吗', item: '往来港澳通行证及签注签发', aspect: 'fees' },
  { q: '注册公司要钱吗？', item: '企业设立登记（有限责任公司）', aspect: 'fees' },
  { q: '新车上牌费用是多少', item: '机动车注册登记（新车上牌）', aspect: 'fees' },
  { q: '结婚登记收费吗', item: '内地居民结婚登记', aspect: 'fees' },
  { q: '考驾照要交多少钱', item: '机动车驾驶证初次申领', aspect: 'fees' },
  // 流程
  { q: '个体户营业执照怎么办理', item: '个体工商户设立登记', aspect: 'process' },
  { q: '办退休的流程是什么', item: '职工正常退休（职）审批', aspect: 'process' },
  { q: '驾照丢了怎么办', item: '机动车驾驶证补证', aspect: 'process' },
  { q: '劳动仲裁的步骤', item: '劳动人事争议仲裁', aspect: 'process' },
  // 能否网办
  { q: '无犯罪记录证明能网上办吗', item: '无犯罪记录证明开具', aspect: 'online' },
  { q: '个税汇算可以在手机上办吗', item: '个人所得税综合所得年度汇算', aspect: 'online' },
  { q: '异地就医备案能不能线上办理', item: '基本医疗保险跨省异地就医备案', aspect: 'online' },
  { q: '领养老金可以网上申请吗', item: '企业职工基本养老保险待遇申领', aspect: 'online' },
  // 跑几次
  { q: '办结婚证要跑几次', item: '内地居民结婚登记', aspect: 'visits' },
  { q: '二手房过户要去几趟', item: '国有建设用地使用权及房屋所有权转移登记（存量房买卖）', aspect: 'visits' },
  { q: '开网吧审批要跑几次', item: '互联网上网服务营业场所经营单位设立审批', aspect: 'visits' },
  { q: '刻公章要去现场吗', item: '印章刻制备案', aspect: 'visits' },
  // 结果
  { q: '办完公租房资格能拿到什么', item: '公共租赁住房保障资格申请', aspect: 'result' },
  { q: '食品经营许可办理结果是什么', item: '食品经营许可（新办）', aspect: 'result' },
  // 咨询电话
  { q: '南明区开饭店的咨询电话是多少', item: '食品经营许可（新办）', aspect: 'phone' },
  { q: '云岩区低保找谁咨询', item: '最低生活保障审批', aspect: 'phone' },
  // 能否全省通办
  { q: '食品经营许可能全省通办吗', item: '食品经营许可（新办）', aspect: 'provinceWide' },
  { q: '补办身份证可以异地办吗', item: '居民身份证补领', aspect: 'provinceWide' },
  { q: '离婚登记能不能全省通办', item: '内地居民离婚登记', aspect: 'provinceWide' },
  // No aspect: the guide's summary.
  { q: '我想开饭店', item: '食品经营许可（新办）', aspect: null },
  { q: '考驾照', item: '机动车驾驶证初次申领', aspect: null },
  // Follow-ups in one conversation.
  { q: '那要多少钱？', after: ['开饭店要带什么材料？'], item: '食品经营许可（新办）', aspect: 'fees' },
  { q: '要多久？', after: ['补办身份证要带什么'], item: '居民身份证补领', aspect: 'timeLimit' },
  { q: '能网上办吗', after: ['结婚登记需要什么材料'], item: '内地居民结婚登记', aspect: 'online' },
  { q: '那要跑几次呢', after: ['二手车过户要准备什么资料'], item: '机动车转移登记（二手车过户）', aspect: 'visits' },
  { q: '需要什么条件', after: ['申请低保'], item: '最低生活保障审批', aspect: 'conditions' },
  // Two items fit: asked which; the answer to that continues with the aspect asked.
  { q: '开宾馆要什么材料', choices: ['公共场所卫生许可', '旅馆业特种行业许可'], aspect: 'materials' },
  {
    q: '旅馆业特种行业许可',
    after: ['开宾馆要什么材料'],
    item: '旅馆业特种行业许可',
    aspect: 'materials',
  },
  {
    q: '教资认定要带什么材料',
    choices: ['高级中学和中等职业学校教师资格认定', '幼儿园、小学和初级中学教师资格认定'],
    aspect: 'materials',
  },
  // Nothing published answers these.
  { q: '火星移民要带什么材料？', declined: true },
  { q: '明天天气怎么样', declined: true },
  { q: '帮我写一首诗', declined: true },
  { q: '彩票中奖了去哪里领奖', declined: true },
  { q: '去月球旅游怎么报名', declined: true },
  { q: '股票怎么开户收费吗', declined: true },
  { q: '养宠物恐龙要办什么证', declined: true },
];
