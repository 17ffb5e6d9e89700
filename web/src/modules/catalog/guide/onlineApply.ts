import type { Item } from '../../../../../contracts/catalog';

/** 网上办理深度 4 (网上受理): the item takes applications online, through the wizard. */
export const canApplyOnline = (item: Pick<Item, 'onlineDepth'>): boolean => item.onlineDepth.includes(4);
