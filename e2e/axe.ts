/**
 * Accessibility checks with axe-core in the page under test: WCAG 2.1 A and AA rules. Use
 * `expect(await axeViolations(page)).toEqual([])` once the page has rendered what it should; each
 * violation comes back as one readable line per element, so a failure says what to fix.
 */
import axe from 'axe-core';
import type { Page } from 'playwright-core';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The portal's Content-Security-Policy (`script-src 'self'`) refuses inline scripts, so
 * `page.addScriptTag({ content })` cannot load axe; evaluating its source through the DevTools
 * protocol is not subject to the page's CSP, and the policy stays as production has it.
 */
async function loadAxe(page: Page): Promise<void> {
  if (await page.evaluate(() => 'axe' in window)) return;
  await page.evaluate(axe.source);
}

/** WCAG 2.1 A/AA violations on the page (or inside `include`, a CSS selector), one line per failing element. */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  // Colours are judged as they settle: a dialog fading in is half-transparent until its animation ends.
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
  await loadAxe(page);
  const violations = await page.evaluate(
    async ({ tags, include }) => {
      const run = (window as unknown as { axe: typeof axe }).axe.run;
      const result = await run(include ? { include: [include] } : document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`),
      }));
    },
    { tags: WCAG_21_AA, include },
  );
  return violations.flatMap((v) => v.nodes.map((n) => `[${v.impact ?? '?'}] ${v.id} (${v.help}): ${n}`));
}
