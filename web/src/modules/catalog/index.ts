/**
 * 互联网服务系统 — the portal's catalogue: home, search, guides (办事指南), themes (一件事), the
 * lists, regions and departments. What the router and other modules may use; nothing else of
 * this folder is imported from outside it.
 */
import { lazy } from 'react';

/** The home page ships with the entry chunk (most visits start there); every other page is its own chunk. */
export { HomePage } from './home/HomePage';
export const SearchPage = lazy(() => import('./search/SearchPage').then((m) => ({ default: m.SearchPage })));
export const ItemGuidePage = lazy(() => import('./guide/ItemGuidePage'));
export const ThemePage = lazy(() => import('./themes/ThemePage'));
export const ListsPage = lazy(() => import('./lists/ListsPage'));
export const NegativeListPage = lazy(() => import('./lists/NegativeListPage'));

export { SearchBox } from './search/SearchBox';
export { getItem, listDepartments, searchItems, type Department } from './api';
export { useDepartments, useItem, useRegions } from './queries';
export { RegionName } from './regions/RegionName';
export { RegionSelector } from './regions/RegionSelector';
export { useRegionParam, withRegion } from './regions/useRegionParam';
export { canApplyOnline } from './guide/onlineApply';
export type { HeldMaterial, HeldMaterials } from './guide/MaterialsSection';
export type { UseHeldMaterials } from './guide/ItemGuidePage';

export { catalogZhCN, type CatalogMessages } from './locales/zh-CN';
export { catalogEn } from './locales/en';
export { serviceSearchZhCN, type ServiceSearchMessages } from './search/locales/zh-CN';
export { serviceSearchEn } from './search/locales/en';
