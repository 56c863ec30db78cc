import type { ThemeConfig } from 'antd';

/**
 * The desktop theme. The brand colour is party red (`colorPrimary`: buttons, the selected menu item,
 * links, checked boxes), but a red border around a field is what a validation error looks like
 * (`colorError`). So the focus and hover of fields — Input, InputNumber, DatePicker, Mentions, Select
 * (also AutoComplete, Cascader, TreeSelect) — and the focus halo (`controlOutline`) use a distinct
 * focus blue; errors keep `colorError`, the brand keeps red. The keyboard focus ring (`:focus-visible`)
 * of buttons, checkboxes, radios, switches, tabs, segmented controls, pagination and trees is drawn by
 * antd in `colorPrimaryBorder` (pink-red from the brand): those components take the focus blue
 * instead, so a focused control is never ringed in red. A primary button stays brand red.
 */
export const brandRed = '#c8161d';
export const focusBlue = '#1677ff';
export const focusBlueHover = '#4096ff';
/** The halo around a focused field: focus blue at 10 % on white (what antd derives for a blue primary). */
export const focusOutline = 'rgba(5, 145, 255, 0.1)';

const fieldFocus = {
  activeBorderColor: focusBlue,
  hoverBorderColor: focusBlueHover,
  activeShadow: `0 0 0 2px ${focusOutline}`,
};

/**
 * The components whose keyboard focus ring antd draws in `colorPrimaryBorder`. In them this token
 * serves the ring only (Button also tints a pressed `variant="filled"` primary button with it, which
 * the product does not use), so setting it here turns the ring blue and nothing else.
 */
const focusRing = { colorPrimaryBorder: focusBlue };
export const focusRingComponents = ['Button', 'Checkbox', 'Radio', 'Switch', 'Tabs', 'Segmented', 'Pagination', 'Tree'] as const;

export function desktopTheme({ motion }: { motion: boolean }): ThemeConfig {
  return {
    token: {
      colorPrimary: brandRed,
      // Secondary text (descriptions, hints, the login page's subtitle) at rgba(0,0,0,.6) — #666 on white,
      // 5.7:1 — instead of antd's .45 (#8c8c8c, 3.4:1, below WCAG AA's 4.5:1).
      colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
      borderRadius: 6,
      motion,
      controlOutline: focusOutline,
    },
    components: {
      Input: fieldFocus,
      InputNumber: fieldFocus,
      DatePicker: fieldFocus,
      Mentions: fieldFocus,
      Select: { activeBorderColor: focusBlue, hoverBorderColor: focusBlueHover, activeOutlineColor: focusOutline },
      ...Object.fromEntries(focusRingComponents.map((name) => [name, focusRing])),
    },
  };
}
