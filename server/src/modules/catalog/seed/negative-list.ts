/**
 * Demo entries in the shape of the national 市场准入负面清单: prohibited activities (禁止准入类)
 * and activities that need a licence (许可准入类), the latter linked to the service items through
 * which the licence is obtained. The wording follows the national list's style; it is demo
 * content, not a copy of the current edition.
 */
export interface NegativeListSeed {
  id: string;
  kind: 'prohibited' | 'licensed';
  sector: string;
  title: string;
  measures: string;
  basis: string;
  /** Basic codes of the items that grant the licence. */
  basicCodes: string[];
}

export const NEGATIVE_LIST: NegativeListSeed[] = [
  {
    id: 'P1',
    kind: 'prohibited',
    sector: '综合',
    title: '法律、法规、国务院决定等明确设立，且与市场准入相关的禁止性规定',
    measures: '禁止进入，不得办理有关手续',
    basis: '《中华人民共和国行政许可法》等法律法规',
    basicCodes: [],
  },
  {
    id: 'P2',
    kind: 'prohibited',
    sector: '产业结构',
    title: '《产业结构调整指导目录》中禁止投资和禁止新建的项目',
    measures: '禁止投资建设，不得办理审批、核准、备案及用地、环评等手续',
    basis: '《促进产业结构调整暂行规定》',
    basicCodes: [],
  },
  {
    id: 'P3',
    kind: 'prohibited',
    sector: '国土空间',
    title: '不符合主体功能区建设要求的各类开发活动',
    measures: '禁止在禁止开发区域开展不符合功能定位的开发活动',
    basis: '《全国主体功能区规划》',
    basicCodes: [],
  },
  {
    id: 'P4',
    kind: 'prohibited',
    sector: '金融',
    title: '禁止违规开展金融相关经营活动',
    measures: '非金融机构、不从事金融活动的企业不得在名称和经营范围中使用"金融""理财""财富管理"等字样',
    basis: '《防范和处置非法集资条例》',
    basicCodes: [],
  },
  {
    id: 'P5',
    kind: 'prohibited',
    sector: '互联网',
    title: '禁止违规开展互联网相关经营活动',
    measures: '非法互联网金融、网络借贷等经营活动一律禁止',
    basis: '《中华人民共和国网络安全法》',
    basicCodes: [],
  },
  {
    id: 'P6',
    kind: 'prohibited',
    sector: '新闻传媒',
    title: '禁止违规开展新闻传媒相关业务',
    measures: '非公有资本不得从事新闻采编播发业务',
    basis: '《出版管理条例》《广播电视管理条例》',
    basicCodes: [],
  },
  {
    id: 'L1',
    kind: 'licensed',
    sector: '市场监管',
    title: '未获得许可，不得从事食品经营',
    measures: '食品经营许可；仅销售预包装食品的实行备案',
    basis: '《中华人民共和国食品安全法》第三十五条',
    basicCodes: ['011270001001', '101270002000'],
  },
  {
    id: 'L2',
    kind: 'licensed',
    sector: '市场监管',
    title: '未经登记，不得以市场主体名义从事经营活动',
    measures: '市场主体设立登记',
    basis: '《中华人民共和国市场主体登记管理条例》第三条',
    basicCodes: ['011270003001', '011270004001', '011270004007'],
  },
  {
    id: 'L3',
    kind: 'licensed',
    sector: '药品监管',
    title: '未获得许可，不得从事药品、医疗器械、化妆品的生产经营',
    measures: '药品生产许可、药品经营许可、医疗器械生产许可、化妆品生产许可',
    basis: '《中华人民共和国药品管理法》第四十一条、第五十一条',
    basicCodes: ['011280001000', '011280002000', '011280004000', '011280005000'],
  },
  {
    id: 'L4',
    kind: 'licensed',
    sector: '交通运输',
    title: '未获得许可，不得从事道路运输经营',
    measures: '道路旅客、货物、危险货物运输经营许可；网约车经营许可',
    basis: '《中华人民共和国道路运输条例》第八条、第二十一条',
    basicCodes: ['011180001000', '011180002000', '011180003000', '011180004000'],
  },
  {
    id: 'L5',
    kind: 'licensed',
    sector: '卫生健康',
    title: '未获得许可，不得设立医疗机构或从事特定医疗服务',
    measures: '医疗机构设置审批和执业登记；母婴保健技术服务执业许可；放射诊疗许可',
    basis: '《医疗机构管理条例》第九条、第十四条',
    basicCodes: ['011350014000', '011350015000', '011350010000', '011350016000'],
  },
  {
    id: 'L6',
    kind: 'licensed',
    sector: '卫生健康',
    title: '未获得卫生许可，不得经营特定公共场所或从事集中式供水',
    measures: '公共场所卫生许可；饮用水供水单位卫生许可',
    basis: '《公共场所卫生管理条例》第八条',
    basicCodes: ['011350002000', '011350005000'],
  },
  {
    id: 'L7',
    kind: 'licensed',
    sector: '住房城乡建设',
    title: '未获得资质或许可，不得从事建筑业和房地产开发经营活动',
    measures: '建筑业企业资质、安全生产许可、施工许可、商品房预售许可',
    basis: '《中华人民共和国建筑法》第七条、第十三条',
    basicCodes: ['011160001000', '011160003000', '011160007000', '011160011000'],
  },
  {
    id: 'L8',
    kind: 'licensed',
    sector: '消防',
    title: '公众聚集场所未经消防安全检查，不得投入使用、营业',
    measures: '公众聚集场所投入使用、营业前消防安全检查',
    basis: '《中华人民共和国消防法》第十五条',
    basicCodes: ['011410001000'],
  },
];
