import { expect, type Locator, type Page } from '@playwright/test'

import {
  PAINTED_FRAME_PROPERTY,
  READ_PIXELS_PROPERTY,
} from '../../../renderer/timeline/canvas/test-seam'

/** A bar's place on screen, read back from the rendered chart. */
export interface BarGeometry {
  readonly left: number
  readonly right: number
  readonly top: number
  readonly bottom: number
  readonly text: string
}

/** One bar, strip or overlap hatch as the chart last painted it, in page px. */
export interface PaintedItem {
  readonly kind: 'bar' | 'run' | 'overlap'
  /** The event id of a bar; the strip's or hatch's id otherwise. */
  readonly id: number | string
  readonly rowId: string
  readonly left: number
  readonly right: number
  readonly top: number
  readonly bottom: number
  readonly label: string
  /** The text written: the label, or a vehicle's name without its dedication where only that has room. */
  readonly text: string
  /** Where the label went: inside the bar, beside it, or nowhere. */
  readonly mode: 'inside' | 'outside' | 'none'
  readonly labelLeft: number
  readonly labelRight: number
  readonly selected: boolean
  /** The parts of the shown label marked as search matches. */
  readonly marks: ReadonlyArray<string>
  /** A bar's vehicle family, or null for strips and hatches. */
  readonly family: string | null
  /** A bar's vehicle role (crew, cargo, module, other), or null. */
  readonly role: string | null
  readonly isOpen: boolean
  readonly hasOverlap: boolean
  /** Drawn in a collapsed station's row. */
  readonly isSummary: boolean
}

/** Page object for the Gantt chart. */
export class TimelinePage {
  readonly root: Locator
  readonly canvas: Locator
  constructor(readonly page: Page) {
    this.root = page.getByTestId('timeline')
    this.canvas = page.getByTestId('bar-canvas')
  }

  /**
   * Where the canvas shown is on the page, read in one go in the page: the
   * paint worker's canvas replaces the page's after a resize or a theme, so
   * a locator's element may be gone by the time its box is asked for.
   */
  async canvasBox(): Promise<{ x: number; y: number; width: number; height: number }> {
    return this.page.evaluate(() => {
      const r = document.querySelector('[data-testid="bar-canvas"]')!.getBoundingClientRect()
      return { x: r.x, y: r.y, width: r.width, height: r.height }
    })
  }

  /** Waits until bars are painted (`timeout` ms for a large data set on a busy machine). */
  async waitForBars(timeout?: number): Promise<void> {
    await expect.poll(async () => (await this.painted()).length, { timeout }).toBeGreaterThan(0)
    await this.page.waitForFunction(() => {
      const el = document.querySelector('[data-testid="timeline"]')
      return el?.hasAttribute('data-window-start')
    })
  }

  /**
   * The items painted on the chart's canvas and on screen, as the chart laid
   * them out for its last frame. Specs check these places in pixels
   * (`pixelAt`) and by pointing at them, as a user would.
   */
  async painted(): Promise<PaintedItem[]> {
    return this.page.evaluate((prop) => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="bar-canvas"]')
      type Drawn = {
        item: {
          kind: 'bar' | 'run' | 'overlap'
          id: number | string
          rowId: string
          label?: string
          family?: string
          role?: string
          isOpen?: boolean
          hasOverlap?: boolean
          isSummary?: boolean
        }
        x0: number
        x1: number
        top: number
        height: number
        labelMode: 'inside' | 'outside' | 'none'
        labelText: string
        labelX: number
        labelWidth: number
      }
      // The chart's test seam (renderer/timeline/canvas/test-seam.ts): its last painted frame.
      const frame = (
        canvas as unknown as Record<
          string,
          {
            view: { width: number; height: number }
            layout: { hatches: Drawn[]; items: Drawn[] }
            state: { selectedId: number | string | null; terms: string[] }
          } | null
        > | null
      )?.[prop]
      if (!canvas || !frame) return []
      const box = canvas.getBoundingClientRect()
      const { width, height } = frame.view
      return [...frame.layout.hatches, ...frame.layout.items]
        .filter((d) => d.x1 > 0 && d.x0 < width && d.top + d.height > 0 && d.top < height)
        .map((d) => ({
          kind: d.item.kind,
          id: d.item.id,
          rowId: d.item.rowId,
          left: box.left + d.x0,
          right: box.left + d.x1,
          top: box.top + d.top,
          bottom: box.top + d.top + d.height,
          label: d.item.label ?? '',
          text: d.labelText,
          mode: d.labelMode,
          labelLeft: box.left + d.labelX,
          labelRight: box.left + d.labelX + d.labelWidth,
          selected: d.item.id === frame.state.selectedId,
          // The matched parts of a shown label (no named helper: tsx would wrap it in one the page lacks).
          marks:
            d.labelMode === 'none'
              ? []
              : frame.state.terms.flatMap((t) =>
                  [
                    ...d.labelText
                      .toLowerCase()
                      .matchAll(new RegExp(t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g')),
                  ].map((m) => d.labelText.slice(m.index, m.index + t.length)),
                ),
          family: d.item.family ?? null,
          role: d.item.role ?? null,
          isOpen: d.item.isOpen === true,
          hasOverlap: d.item.hasOverlap === true,
          isSummary: d.item.isSummary === true,
        }))
    }, PAINTED_FRAME_PROPERTY)
  }

  /** Painted bars (not strips or hatches). */
  async bars(): Promise<PaintedItem[]> {
    return (await this.painted()).filter((d) => d.kind === 'bar')
  }

  /** Painted strips of bars too dense to draw apart. */
  async runs(): Promise<PaintedItem[]> {
    return (await this.painted()).filter((d) => d.kind === 'run')
  }

  /** The bar of an event as painted on screen, or null when it is not. */
  async bar(eventId: number): Promise<PaintedItem | null> {
    return (await this.painted()).find((d) => d.kind === 'bar' && d.id === eventId) ?? null
  }

  /**
   * Bars painted wholly inside the plot's visible box, top to bottom: what a
   * user sees without scrolling the rows.
   */
  async barsInPlot(): Promise<PaintedItem[]> {
    const plot = (await this.page.locator('.vis-panel.vis-center').boundingBox())!
    return (await this.bars()).filter(
      (b) =>
        b.top >= plot.y &&
        b.bottom <= plot.y + plot.height &&
        b.right > plot.x &&
        b.left < plot.x + plot.width,
    )
  }

  /** The id of the bar or strip painted as selected, or null. */
  async selectedId(): Promise<number | string | null> {
    return (await this.painted()).find((d) => d.selected)?.id ?? null
  }

  /**
   * The colour painted at a page point, `[r, g, b, alpha]`. The canvas is
   * opaque (alpha 255; [0, 0, 0, 0] off it): what lies under the bars is
   * its backdrop, read like any other colour (support/pixels.ts).
   */
  async pixelAt(x: number, y: number): Promise<[number, number, number, number]> {
    return this.page.evaluate(
      async ([px, py, read]) => {
        const c = document.querySelector<HTMLCanvasElement>('[data-testid="bar-canvas"]')!
        const box = c.getBoundingClientRect()
        // The painter's scale: the canvas's backing store is the worker's, not this element's.
        const k = window.devicePixelRatio || 1
        const pixels = (c as unknown as Record<string, (r: object) => Promise<ImageData | null>>)[
          read!
        ]!
        const image = await pixels({
          x: Math.floor((px! - box.left) * k),
          y: Math.floor((py! - box.top) * k),
          w: 1,
          h: 1,
        })
        const d = image?.data ?? [0, 0, 0, 0]
        return [d[0]!, d[1]!, d[2]!, d[3]!] as [number, number, number, number]
      },
      [x, y, READ_PIXELS_PROPERTY] as const,
    )
  }

  /** A point inside the on-screen part of a painted item, away from its label. */
  async pointOn(item: PaintedItem): Promise<{ x: number; y: number }> {
    const panel = await this.canvasBox()
    const left = Math.max(item.left, panel.x)
    const right = Math.min(item.right, panel.x + panel.width)
    if (right <= left) throw new Error(`${item.kind} ${item.id} is outside the visible window`)
    return { x: (left + right) / 2, y: item.bottom - 3 }
  }

  /**
   * Clicks the part of a bar that is on screen, as a user would, once the
   * chart has settled (a panel that just opened resizes it; vis redraws on
   * the next frame).
   */
  async clickVisiblePart(eventId: number): Promise<void> {
    await this.page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    )
    const bar = await this.bar(eventId)
    if (!bar) throw new Error(`bar ${eventId} is not drawn`)
    await this.clickItem(bar)
  }

  /** Clicks a painted item where nothing covers it. */
  async clickItem(item: PaintedItem): Promise<void> {
    const { x, y } = await this.pointOn(item)
    const hit = await this.page.evaluate(
      ([px, py]) => document.elementFromPoint(px!, py!)?.closest('.vis-panel.vis-center') != null,
      [x, y] as const,
    )
    if (!hit) throw new Error(`${item.kind} ${item.id} is covered at (${x}, ${y})`)
    await this.page.mouse.click(x, y)
  }

  /** Moves the mouse to a point (client px) and reads the cursor the page shows there. */
  async cursorWith(x: number, y: number): Promise<string> {
    await this.page.mouse.move(x, y)
    return this.page.evaluate(
      ([px, py]) => getComputedStyle(document.elementFromPoint(px!, py!)!).cursor,
      [x, y] as const,
    )
  }

  /** Moves the pointer over a painted item. */
  async hoverItem(item: PaintedItem): Promise<void> {
    const { x, y } = await this.pointOn(item)
    await this.page.mouse.move(x, y)
  }

  async barGeometry(eventId: number): Promise<BarGeometry> {
    const bar = await this.bar(eventId)
    if (!bar) throw new Error(`bar ${eventId} is not visible`)
    return {
      left: bar.left,
      right: bar.right,
      top: bar.top,
      bottom: bar.bottom,
      text: bar.mode === 'none' ? '' : bar.label,
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
  /** The one-line strip above the chart: the legend and the data summaries. */
  readonly summaryStrip: Locator
  constructor(readonly page: Page) {
    this.toolbar = page.getByRole('toolbar', { name: 'Chart navigation' })
    this.summaryStrip = page.getByRole('group', { name: 'Legend and data summaries' })
    this.timeline = new TimelinePage(page)
    this.cursorPanel = page.getByTestId('cursor-panel')
    this.detailPanel = page.getByTestId('detail-panel')
    this.table = page.getByTestId('event-table')
    this.tooltip = page.locator('.chart-tooltip')
  }

  /** The station's fold button in the row labels. */
  stationToggle(name: string): Locator {
    return this.page.locator('.station-toggle', { hasText: new RegExp(`^${escapeRegExp(name)}$`) })
  }

  async window(): Promise<VisibleWindow> {
    // One read of both ends: two reads could straddle a frame of a moving window.
    return this.timeline.root.evaluate((el) => ({
      start: Number(el.getAttribute('data-window-start')),
      end: Number(el.getAttribute('data-window-end')),
    }))
  }

  /**
   * Waits until the visible window differs from `before` and has stopped moving (the same over
   * three frames, as a drag or animated zoom ends a frame or two after the input), and returns it.
   */
  async windowChangedFrom(before: VisibleWindow): Promise<VisibleWindow> {
    await this.windowStill(`${before.start} ${before.end}`, 3)
    return this.window()
  }

  /**
   * Waits until the visible window has stayed the same over `frames` frames: after a resize, long
   * enough for a fit to be made again for the new width (a frame to lay out, one to fit, one to draw).
   */
  async settled(frames = 6): Promise<void> {
    await this.windowStill(null, frames)
  }

  /** Waits until the window is other than `not` (if given) and the same over `frames` frames. */
  private async windowStill(not: string | null, frames: number): Promise<void> {
    await this.page.waitForFunction(
      ([other, least]) => {
        const el = document.querySelector('[data-testid="timeline"]')
        const now = `${el?.getAttribute('data-window-start')} ${el?.getAttribute('data-window-end')}`
        const w = window as unknown as { __dtWindowSeen?: { v: string; frames: number } }
        const seen = w.__dtWindowSeen
        w.__dtWindowSeen = { v: now, frames: seen?.v === now ? seen.frames + 1 : 0 }
        return now !== other && w.__dtWindowSeen.frames >= least!
      },
      [not, frames] as const,
      { polling: 'raf' },
    )
  }

  /**
   * A control in the toolbar's "More…" popover (row options, time zone),
   * opening the popover first when it is shut.
   */
  async moreOption(label: string): Promise<Locator> {
    const more = this.toolbar.getByRole('button', { name: /^More…/ })
    if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click()
    return this.page.getByRole('group', { name: 'More chart options' }).getByLabel(label)
  }

  /** The strip's button for one part (legend, overlaps, conflicts, data checks). */
  summaryButton(name: RegExp): Locator {
    return this.summaryStrip.getByRole('button', { name })
  }

  /** Opens a part of the strip above the chart, if it is not open already. */
  async openSummary(name: RegExp): Promise<void> {
    const button = this.summaryButton(name)
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click()
    await expect(button).toHaveAttribute('aria-expanded', 'true')
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

  /**
   * Goes to a date and puts the time cursor there: "Go to" moves only the view
   * (issue #15), so the cursor is switched on and its instant typed.
   */
  async cursorAt(text: string): Promise<void> {
    await this.goTo(text)
    if ((await this.cursorPanel.count()) === 0)
      await this.toolbar.getByRole('button', { name: 'Time cursor' }).click()
    await this.page.getByTestId('cursor-time').fill(text)
    await this.page.getByTestId('cursor-time').press('Enter')
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

  /** Each painted bar's box and its label's box, for overlap checks. */
  async barsAndLabels(): Promise<
    Array<{
      id: number
      mode: string | null
      bar: { left: number; right: number; top: number }
      label: { left: number; right: number; width: number; visible: boolean }
    }>
  > {
    return (await this.timeline.bars()).map((b) => ({
      id: Number(b.id),
      mode: b.mode,
      bar: { left: b.left, right: b.right, top: Math.round(b.top) },
      label: {
        left: b.labelLeft,
        right: b.labelRight,
        width: b.labelRight - b.labelLeft,
        visible: b.mode !== 'none',
      },
    }))
  }
}
