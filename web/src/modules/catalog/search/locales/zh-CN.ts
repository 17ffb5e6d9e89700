/** 事项搜索 (一事一结果): the results page's own strings. */
export const serviceSearchZhCN = {
  heading: '事项搜索',
  title: '搜索结果',
  found: '找到 {{total}} 项与“{{query}}”相关的服务',
  emptyQuery: '请输入要办理的事项，例如“开饭店”“营业执照”或拼音首字母“yyzz”。',
  notFound: '没有找到与“{{query}}”相关的服务',
  didYouMean: '您是不是要找：',
  notFoundHint: '可以换个说法再试，或者从下面的主题服务开始：',
  tryHot: '大家都在搜',
  results: '搜索结果列表',
  pagination: '分页',
  totalText: '共 {{total}} 项',
  regionLegend: '办事地区',
  regionHousehold: '按您的户籍地“{{region}}”显示办理部门，可在右侧更换地区。',
  regionChosen: '按“{{region}}”显示办理部门。',
  regionNone: '选择您所在的地区，查看当地的办理部门。',
  local: '{{region}}办理',
  provinceWide: '{{region}}暂无本地办理，可全省通办',
  places: '{{count}} 个地区可办理',
  themes: '相关主题服务（一件事）',
  themeItems: '含 {{count}} 个事项，一次申请',
};
export type ServiceSearchMessages = typeof serviceSearchZhCN;
