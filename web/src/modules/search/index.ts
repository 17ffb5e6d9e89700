/** 事项搜索 (一事一结果): the results page — one card per service for the person's region. */
export { SearchPage } from './SearchPage';
export { searchZhCN, type SearchMessages } from './locales/zh-CN';
export { searchEn } from './locales/en';
