import type { Page } from 'playwright-core';

/**
 * Adds `css` to the page as a style sheet of its own (adopted: the app's Content-Security-Policy forbids inline
 * <style>), to try a CSS change in a bench without a build (BENCH_KEY_CSS, BENCH_SCROLL_CSS).
 */
export async function addStyleSheet(page: Page, css: string): Promise<void> {
  await page.evaluate((rules) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(rules);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }, css);
}
