// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { flatIconClass, installFlatIcons } from './FlatIcon';

/** The adopted sheet's rule for an icon's class, decoded back to its SVG. */
function imageOf(className: string): string | null {
  for (const sheet of document.adoptedStyleSheets) {
    for (const rule of sheet.cssRules) {
      const text = rule.cssText;
      if (!text.startsWith(`.${className}`)) continue;
      const url = /url\("data:image\/svg\+xml,([^"]*)"\)/.exec(text)?.[1];
      return url ? decodeURIComponent(url) : null;
    }
  }
  return null;
}

describe('flat icons', () => {
  it('draws the lucide icon in its tone of the current theme, and again when the theme changes', async () => {
    const style = document.createElement('style');
    style.textContent =
      ':root, [data-theme="light"] { --positive: #18794a; --text-muted: #585e69 } [data-theme="dark"] { --positive: #5fcb8e; --text-muted: #a0a6b0 }';
    document.head.append(style);
    document.documentElement.dataset.theme = 'light';
    // Asked for before the icons are installed (a render before main.tsx installs them) and after.
    const smile = flatIconClass('smile', 'positive').split(' ')[1]!;
    installFlatIcons();
    const rss = flatIconClass('rss', 'muted').split(' ')[1]!;

    const light = imageOf(smile);
    expect(light).toContain('<svg');
    expect(light).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(light).toContain('stroke="#18794a"');
    expect(light).not.toContain('currentColor');
    expect(imageOf(rss)).toContain('stroke="#585e69"');

    document.documentElement.dataset.theme = 'dark';
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(imageOf(smile)).toContain('stroke="#5fcb8e"');
    expect(imageOf(rss)).toContain('stroke="#a0a6b0"');
    // The icon's own drawing is kept: the same paths in another colour.
    expect(imageOf(smile)!.replaceAll('#5fcb8e', '#18794a')).toBe(light);
  });
});
