import type { Locator, Page } from '@playwright/test'

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

  /** Station rows top to bottom, as the chart lists them. */
  async stationRows(): Promise<string[]> {
    return (await this.page.locator('.station-toggle').allInnerTexts()).map((t) => t.trim())
  }
}
