import type { ThemeConfig } from 'antd';

/** 政务红: the deep red of Chinese government portals; white text on it is 7:1. */
export const GOV_RED = '#a8161c';
/** Deep blue for links and focus rings (8:1 on white). */
export const GOV_BLUE = '#1d4e93';

const FONT_FAMILY =
  "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif";

/**
 * A sober government theme. Secondary and tertiary text are darker than antd's defaults so that
 * every text colour meets WCAG 2.1 AA (4.5:1) on white; 长者模式 raises type size, control size
 * and contrast further. `still` (the person asked their system for reduced motion) turns antd's
 * animations off: drawers, menus and loading spinners appear and go at once.
 */
export function portalTheme(elder: boolean, still = false): ThemeConfig {
  return {
    cssVar: { key: 'tongban' },
    token: {
      motion: !still,
      colorPrimary: GOV_RED,
      colorLink: GOV_BLUE,
      colorLinkHover: '#163d75',
      colorInfo: GOV_BLUE,
      colorSuccess: '#237a2b',
      colorWarning: '#a35a00',
      colorError: '#b3261e',
      colorText: elder ? '#000000' : '#1f1f1f',
      colorTextSecondary: elder ? '#1f1f1f' : '#4a4a4a',
      colorTextTertiary: elder ? '#2b2b2b' : '#5c5c5c',
      colorTextQuaternary: elder ? '#3a3a3a' : '#6b6b6b',
      colorTextPlaceholder: elder ? '#3a3a3a' : '#6b6b6b',
      colorBorder: elder ? '#4d4d4d' : '#c9c9c9',
      colorBorderSecondary: elder ? '#8c8c8c' : '#e3e3e3',
      colorBgLayout: '#f4f5f7',
      borderRadius: 4,
      fontFamily: FONT_FAMILY,
      fontSize: elder ? 19 : 15,
      controlHeight: elder ? 44 : 36,
      controlHeightLG: elder ? 56 : 46,
      lineWidthFocus: 3,
    },
    components: {
      Tabs: { titleFontSize: elder ? 20 : 16, titleFontSizeLG: elder ? 22 : 17 },
      Steps: { descriptionMaxWidth: 640 },
    },
  };
}
