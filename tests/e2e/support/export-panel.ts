import fs from 'node:fs'
import path from 'node:path'

import type { Locator, Page } from '@playwright/test'

/** The formats the dialog offers, as labelled. */
export type ExportFormatLabel = 'SVG' | 'PNG' | 'PDF' | 'CSV' | 'JSON'

/** Page object for the Export dialog (issue #6). */
export class ExportPanel {
  readonly button: Locator
  readonly dialog: Locator
  readonly status: Locator
  readonly error: Locator
  constructor(readonly page: Page) {
    this.button = page.getByRole('button', { name: 'Export…' })
    this.dialog = page.getByRole('dialog', { name: 'Export' })
    this.status = this.dialog.getByRole('status')
    this.error = this.dialog.getByRole('alert')
  }

  async open(): Promise<void> {
    await this.button.click()
    await this.dialog.waitFor()
  }

  format(label: ExportFormatLabel): Locator {
    return this.dialog.getByRole('radio', { name: new RegExp(`^${label}\\b`) })
  }

  range(which: 'Whole filtered range' | 'Visible window'): Locator {
    return this.dialog.getByRole('radio', { name: new RegExp(`^${which}`) })
  }

  get width(): Locator {
    return this.dialog.getByRole('spinbutton', { name: /^Width in pixels/ })
  }

  get scale(): Locator {
    return this.dialog.getByRole('combobox', { name: 'Scale' })
  }

  get paper(): Locator {
    return this.dialog.getByRole('combobox', { name: 'Paper (landscape)' })
  }

  get title(): Locator {
    return this.dialog.getByRole('textbox', { name: 'Title (optional)' })
  }

  get submit(): Locator {
    return this.dialog.getByRole('button', { name: /^Export (SVG|PNG|PDF|CSV|JSON)…$/ })
  }

  /** Exports and waits until the dialog reports where the file went; returns that path. */
  async exportAndWait(): Promise<string> {
    await this.submit.click()
    await this.status.getByText(/^Saved /).waitFor({ timeout: 30_000 })
    const file = (await this.status.locator('code').innerText()).trim()
    return file
  }

  /** The files the app saved into the test's export folder. */
  static savedFiles(exportDir: string): string[] {
    return fs.readdirSync(exportDir).map((f) => path.join(exportDir, f))
  }
}
