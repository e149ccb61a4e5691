import type { Locator, Page } from '@playwright/test'

/** A bar's place on screen, read back from the rendered chart. */
export interface BarGeometry {
  readonly left: number
  readonly right: number
  readonly top: number
  readonly bottom: number
  readonly text: string
}

/** Page object for the Gantt chart. */
export class TimelinePage {
  readonly root: Locator
  constructor(readonly page: Page) {
    this.root = page.getByTestId('timeline')
  }

  /** Waits until bars are drawn. */
  async waitForBars(): Promise<void> {
    await this.page.locator('.vis-item').first().waitFor()
    await this.page.waitForFunction(() => {
      const el = document.querySelector('[data-testid="timeline"]')
      return el?.hasAttribute('data-window-start')
    })
  }

  /** The bar of an event. */
  bar(eventId: number): Locator {
    return this.page.locator(`.vis-item.event-${eventId}`)
  }

  /**
   * Clicks the part of a bar that is on screen, as a user would. Playwright's
   * own click scrolls the element into view first, and that scrolls vis's
   * overflow-hidden panels sideways, which no user can do.
   */
  async clickVisiblePart(eventId: number): Promise<void> {
    // A panel that just opened resizes the chart; vis redraws on the next frame.
    await this.page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    )
    const bar = await this.bar(eventId).boundingBox()
    const panel = await this.page.locator('.vis-panel.vis-center').boundingBox()
    if (!bar || !panel) throw new Error(`bar ${eventId} is not drawn`)
    const left = Math.max(bar.x, panel.x)
    const right = Math.min(bar.x + bar.width, panel.x + panel.width)
    if (right <= left) throw new Error(`bar ${eventId} is outside the visible window`)
    const x = (left + right) / 2
    const y = bar.y + bar.height / 2
    const hit = await this.page.evaluate(
      ([px, py, id]) => document.elementFromPoint(px!, py!)?.closest(`.event-${id}`) !== null,
      [x, y, eventId] as const,
    )
    if (!hit) throw new Error(`bar ${eventId} is covered at (${x}, ${y})`)
    await this.page.mouse.click(x, y)
  }

  async barGeometry(eventId: number): Promise<BarGeometry> {
    const bar = this.bar(eventId)
    const box = await bar.boundingBox()
    if (!box) throw new Error(`bar ${eventId} is not visible`)
    return {
      left: box.x,
      right: box.x + box.width,
      top: box.y,
      bottom: box.y + box.height,
      text: (await bar.innerText()).trim(),
    }
  }

  /** The x pixel where instant `t` falls, from the visible window and the chart's centre panel. */
  async xOf(t: number): Promise<number> {
    const start = Number(await this.root.getAttribute('data-window-start'))
    const end = Number(await this.root.getAttribute('data-window-end'))
    // vis maps the window onto the panel's inner width, inside its 1px borders.
    const panel = await this.page.locator('.vis-panel.vis-center').evaluate((el) => ({
      x: el.getBoundingClientRect().x + el.clientLeft,
      width: el.clientWidth,
    }))
    return panel.x + ((t - start) / (end - start)) * panel.width
  }

  /** The vertical band of a row, found by its label text. */
  async rowBand(label: string): Promise<{ top: number; bottom: number }> {
    const labelEl = this.page.locator('.vis-labelset .vis-label', { hasText: label }).filter({
      has: this.page.locator('.vis-inner', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }),
    })
    const box = await labelEl.first().boundingBox()
    if (!box) throw new Error(`row ${label} is not visible`)
    return { top: box.y, bottom: box.y + box.height }
  }

  /** Row labels from top to bottom. */
  async rowLabels(): Promise<string[]> {
    return (await this.page.locator('.vis-labelset .vis-label .vis-inner').allInnerTexts()).map(
      (t) => t.trim(),
    )
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** A visible time window, read from the chart. */
export interface VisibleWindow {
  readonly start: number
  readonly end: number
}

/** What the cursor panel lists: station name → ids of events docked there. */
export type CursorList = Record<string, number[]>

/** Page object for the chart's controls, side panels and table (issue #4). */
export class ChartControls {
  readonly timeline: TimelinePage
  readonly cursorPanel: Locator
  readonly detailPanel: Locator
  readonly table: Locator
  readonly tooltip: Locator
  /** The chart navigation toolbar in the header. */
  readonly toolbar: Locator
  constructor(readonly page: Page) {
    this.toolbar = page.getByRole('toolbar', { name: 'Chart navigation' })
    this.timeline = new TimelinePage(page)
    this.cursorPanel = page.getByTestId('cursor-panel')
    this.detailPanel = page.getByTestId('detail-panel')
    this.table = page.getByTestId('event-table')
    this.tooltip = page.locator('.vis-tooltip')
  }

  /** The station's fold button in the row labels. */
  stationToggle(name: string): Locator {
    return this.page.locator('.station-toggle', { hasText: new RegExp(`^${escapeRegExp(name)}$`) })
  }

  async window(): Promise<VisibleWindow> {
    return {
      start: Number(await this.timeline.root.getAttribute('data-window-start')),
      end: Number(await this.timeline.root.getAttribute('data-window-end')),
    }
  }

  /** Waits until the visible window differs from `before`, and returns it. */
  async windowChangedFrom(before: VisibleWindow): Promise<VisibleWindow> {
    await this.page.waitForFunction(
      ([s, e]) => {
        const el = document.querySelector('[data-testid="timeline"]')
        return (
          Number(el?.getAttribute('data-window-start')) !== s ||
          Number(el?.getAttribute('data-window-end')) !== e
        )
      },
      [before.start, before.end] as const,
    )
    return this.window()
  }

  /** Moves focus off any input so chart shortcuts apply. */
  async focusApp(): Promise<void> {
    await this.page.locator('h1').click()
  }

  /** Types a date into "Go to" and submits it. */
  async goTo(text: string): Promise<void> {
    await this.page.getByLabel('Go to', { exact: true }).fill(text)
    await this.toolbar.getByRole('button', { name: 'Go', exact: true }).click()
  }

  /** The cursor panel's list, station by station. */
  async cursorList(): Promise<CursorList> {
    return this.cursorPanel
      .locator('li[data-station]')
      .evaluateAll((items) =>
        Object.fromEntries(
          items.map((li) => [
            li.getAttribute('data-station') ?? '',
            [...li.querySelectorAll('[data-event-id]')]
              .map((b) => Number(b.getAttribute('data-event-id')))
              .sort((a, b) => a - b),
          ]),
        ),
      )
  }

  /** The detail panel's value for a field label. */
  detailField(label: string): Locator {
    return this.detailPanel.locator(`dd[data-field="${label}"]`)
  }

  /** Reads a stored preference through the app's own API. */
  async pref(key: string): Promise<unknown> {
    return this.page.evaluate(async (k) => {
      const api = (
        window as unknown as {
          api: { getPref(r: { key: string }): Promise<{ ok: boolean; value?: unknown }> }
        }
      ).api
      const r = await api.getPref({ key: k })
      return r.ok ? r.value : undefined
    }, key)
  }

  /** Each drawn bar's box and its label's box, per row label, for overlap checks. */
  async barsAndLabels(): Promise<
    Array<{
      id: number
      mode: string | null
      bar: { left: number; right: number; top: number }
      label: { left: number; right: number; width: number; visible: boolean }
    }>
  > {
    return this.page.locator('.vis-item.vis-range[data-id]').evaluateAll((els) =>
      els.map((el) => {
        const b = el.getBoundingClientRect()
        const content = el.querySelector('.vis-item-content') as HTMLElement
        const range = document.createRange()
        range.selectNodeContents(content)
        const t = range.getBoundingClientRect()
        return {
          id: Number(el.getAttribute('data-id')),
          mode: el.getAttribute('data-label'),
          bar: { left: b.left, right: b.right, top: Math.round(b.top) },
          label: {
            left: t.left,
            right: t.right,
            width: t.width,
            visible: getComputedStyle(content).visibility !== 'hidden',
          },
        }
      }),
    )
  }
}
