import type { ConsoleMessage, Page } from '@playwright/test'

/**
 * What the page says on its console that a user's app should never say:
 * errors, warnings, and vis-timeline's complaints about its options (logged
 * with `console.log`, so a level check alone misses them).
 */
const VIS_OPTION_ERROR = /Unknown option detected|Errors have been found in the supplied options/

/** Messages the test harness itself causes, whatever the test. */
const HARNESS_NOISE: ReadonlyArray<(m: ConsoleMessage) => boolean> = [
  // Chromium asks the test's static server for a favicon; the app has none to offer there.
  (m) => m.location().url.endsWith('/favicon.ico'),
  // Chromium's hint when a test reads the bar canvas's pixels back more than once.
  (m) => m.text().includes('willReadFrequently'),
]

/**
 * Collects the page's unexpected console messages from now on. `expected`
 * are messages the test provokes on purpose (a blocked worker's warning).
 */
export function watchConsole(page: Page, expected: ReadonlyArray<RegExp> = []): () => string[] {
  const said: string[] = []
  page.on('console', (m) => {
    const type = m.type()
    const flagged = type === 'error' || type === 'warning' || VIS_OPTION_ERROR.test(m.text())
    if (!flagged || HARNESS_NOISE.some((noise) => noise(m))) return
    if (expected.some((e) => e.test(m.text()))) return
    said.push(`${type}: ${m.text().replace(/%c/g, '').trim()}`)
  })
  return () => said
}
