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
    const panel = await this.page.locator('.vis-panel.vis-center').boundingBox()
    if (!panel) throw new Error('no centre panel')
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
