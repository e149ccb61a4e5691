import type { Locator, Page } from '@playwright/test'

import type { Launch } from './fixtures'
import { ChartControls } from './timeline-page'

/** The app at a window size, once its bars are drawn; `clock` fixes the page's clock there. */
export async function openAt(launch: Launch, width: number, height: number, clock?: number) {
  const app = await launch(clock === undefined ? undefined : { clock })
  await app.page.setViewportSize({ width, height })
  const ui = new ChartControls(app.page)
  await ui.timeline.waitForBars()
  return { app, page: app.page, ui, ws: new WorkspacePage(app.page) }
}

/** Page object for the workspace around the chart: side panels, rails, handles, status line. */
export class WorkspacePage {
  constructor(readonly page: Page) {}

  /** An open side panel. */
  panel(id: 'filters' | 'details'): Locator {
    return this.page.getByTestId(`${id}-side-panel`)
  }

  /** A folded panel's rail. */
  rail(id: 'filters' | 'details'): Locator {
    return this.page.getByTestId(`${id}-rail`)
  }

  /** The drag handle that resizes a panel. */
  handle(id: 'filters' | 'details'): Locator {
    return this.page.getByRole('separator', { name: `Resize ${id}` })
  }

  /** Width of an element on screen, px. */
  async width(locator: Locator): Promise<number> {
    return (await locator.boundingBox())?.width ?? 0
  }

  /** Width of the chart's plot: the centre panel right of the row labels, where bars are drawn. */
  async plotWidth(): Promise<number> {
    return this.width(this.page.locator('.vis-panel.vis-center'))
  }

  /**
   * Height of the chart's rows area: the centre panel under the time axis,
   * where port rows scroll, px.
   */
  async rowsAreaHeight(): Promise<number> {
    return (await this.page.locator('.vis-panel.vis-center').boundingBox())?.height ?? 0
  }

  /**
   * How far the window itself scrolls when asked to go to the end, px: the
   * app fills the window, so anything above 0 is blank page a wheel or
   * PageDown can bring into view.
   */
  async windowScrollReach(): Promise<number> {
    return this.page.evaluate(() => {
      window.scrollTo(0, document.documentElement.scrollHeight)
      const reach = window.scrollY
      window.scrollTo(0, 0)
      return reach
    })
  }

  /**
   * How many lines the children of `locator` take: 1 when they all sit side
   * by side (each child's vertical middle within the first child's box).
   */
  async lines(locator: Locator): Promise<number> {
    return locator.evaluate((el) => {
      const boxes = [...el.children]
        .map((c) => c.getBoundingClientRect())
        .filter((b) => b.width > 0 && b.height > 0)
      const tops: number[] = []
      for (const b of boxes) {
        const middle = (b.top + b.bottom) / 2
        if (!tops.some((t) => Math.abs(t - middle) < b.height / 2)) tops.push(middle)
      }
      return tops.length
    })
  }

  /**
   * Row names not shown whole: cut by an ellipsis, by the two-line clamp, or
   * a word running past the label. A station's folded note may give way; its name may not.
   */
  async cutRowNames(): Promise<string[]> {
    return this.page
      .locator('.vis-labelset .vis-label .vis-inner')
      .evaluateAll((inners) =>
        inners
          .filter((inner) =>
            [inner, inner.querySelector('.station-name') ?? inner.firstElementChild].some(
              (e) => !e || e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1,
            ),
          )
          .map((el) => el.textContent ?? ''),
      )
  }

  /** Station rows top to bottom, as the chart lists them. */
  async stationRows(): Promise<string[]> {
    return (await this.page.locator('.station-toggle').allInnerTexts()).map((t) => t.trim())
  }
}
