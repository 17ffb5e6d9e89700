/** 办件详情的展示部分：申请表、材料预览、办理记录、证照结果。 */
export const caseViewZhCN = {
  form: {
    title: '申请表',
    none: '此事项无需在线填写申请表。',
    empty: '未填写',
    yes: '是',
    no: '否',
    other: '其他填报内容',
    item: '第 {{n}} 项',
    masked: '身份证号、手机号已脱敏显示',
  },
  auto: {
    title: '自动准予的判断依据',
    lead: '系统按核验数据（人口库、法人库，{{date}}）逐条判断以下规则，全部满足即自动准予：',
    noApplication: '本办件由系统依据登记数据主动为您办理（免申即享），您无需填写申请表，也无需提交材料。',
    noApplicationStaff: '本办件由系统依据登记数据主动办理（免申即享）：申请人未填写申请表，也无需提交材料。',
    held: '满足',
    failed: '不满足',
    value: '（核验数据：{{value}}）',
  },
  material: {
    source: '来源',
    preview: '预览',
    previewOf: '预览：{{name}}',
    loading: '正在生成预览…',
    failed: '无法预览此文件，请下载后查看。',
    page: '第 {{n}} 页，共 {{total}} 页',
    morePages: '仅预览前 {{shown}} 页，共 {{total}} 页，完整内容请下载。',
    noPreview: '此类文件不能在页面中预览，请下载后查看。',
    promise: '承诺内容',
  },
  events: {
    stage: '环节',
    material: '材料',
    note: '说明',
    items: '需补正',
  },
  licences: {
    title: '证照结果',
    none: '尚未生成电子证照。',
    number: '证照编号',
    validUntil: '有效期至',
    longTerm: '长期有效',
    open: '在我的证照中查看',
  },
};
export type CaseViewMessages = typeof caseViewZhCN;
