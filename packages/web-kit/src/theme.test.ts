import { theme } from 'antd';
import { describe, expect, it } from 'vitest';
import { brandRed, desktopTheme, focusBlue, focusOutline, focusRingComponents } from './theme.ts';

// Fields must not look like validation errors when focused: their focus colours are not the brand red.
describe('desktop theme', () => {
  const config = desktopTheme({ motion: false });
  const token = theme.getDesignToken(config);

  it('keeps party red as the brand colour and antd red for errors', () => {
    expect(token.colorPrimary).toBe(brandRed);
    expect(token.colorError).toBe(theme.getDesignToken().colorError);
  });

  it('focuses and hovers fields in a blue, with a blue halo, not in the brand red', () => {
    expect(token.controlOutline).toBe(focusOutline);
    // What antd would derive from the red primary: a pink halo.
    const derived = theme.getDesignToken({ token: { colorPrimary: brandRed } }).controlOutline;
    expect(token.controlOutline).not.toBe(derived);
    const components = config.components ?? {};
    for (const name of ['Input', 'InputNumber', 'DatePicker', 'Mentions', 'Select'] as const) {
      const c = components[name] as { activeBorderColor?: string; hoverBorderColor?: string } | undefined;
      expect(c?.activeBorderColor, name).toBe(focusBlue);
      for (const colour of [c?.activeBorderColor, c?.hoverBorderColor]) {
        expect(colour, name).not.toBe(brandRed);
        expect(colour, name).not.toBe(token.colorError);
        expect(colour, name).not.toBe(token.colorPrimaryHover);
      }
    }
  });

  it('rings buttons, checkboxes, radios and the other focusable controls in the focus blue, keeping primary buttons red', () => {
    const components = config.components ?? {};
    for (const name of ['Button', 'Checkbox', 'Radio', 'Switch'] as const) expect(focusRingComponents).toContain(name);
    for (const name of focusRingComponents) {
      // antd draws the :focus-visible outline of these components in colorPrimaryBorder.
      const c = components[name] as { colorPrimaryBorder?: string; colorPrimary?: string } | undefined;
      expect(c?.colorPrimaryBorder, name).toBe(focusBlue);
      expect(c?.colorPrimary, name).toBeUndefined();
    }
    // Globally the brand derivation is untouched.
    expect(token.colorPrimaryBorder).toBe(theme.getDesignToken({ token: { colorPrimary: brandRed } }).colorPrimaryBorder);
  });
});
