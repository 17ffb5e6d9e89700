/**
 * The portal on phones, for elders and on hall kiosks: the bottom tab bar and the header's search
 * shortcut, 我的空间, 长者模式's helpers (read aloud, 请给我回电), the kiosk frame and its pages, and
 * the workbench's callback queue. What the shell, the router and other modules may use.
 */
import { lazy } from 'react';

export const MySpacePage = lazy(() => import('./space/MySpacePage'));
export const KioskHomePage = lazy(() => import('./kiosk/KioskHomePage'));
export const PrintViewPage = lazy(() => import('./kiosk/PrintViewPage'));

export { BottomTabBar, SearchShortcut } from './BottomTabBar';
export { ElderAssist } from './elder/ElderAssist';
export { KioskFrame } from './kiosk/KioskFrame';
export { useKiosk } from './kiosk/useKiosk';
export { CallbacksTab } from './callbacks/CallbacksTab';
export type { CardReader, IdCard } from './kiosk/cardReader';

export { mobileZhCN, type MobileMessages } from './locales/zh-CN';
export { mobileEn } from './locales/en';
