import { expect, type Locator, type Page } from '@playwright/test'

/** Page object for the search box and filter panel (issue #5). */
export class FiltersPanel {
  readonly root: Locator
  readonly search: Locator
  readonly resultCount: Locator
  readonly chips: Locator
  constructor(readonly page: Page) {
    this.root = page.getByRole('complementary', { name: 'Search and filters' })
    this.search = this.root.getByRole('searchbox')
    this.resultCount = page.getByTestId('result-count')
    this.chips = this.root.getByRole('region', { name: 'Active filters' }).getByRole('listitem')
  }

  /** Types into the search box key by key, as a user does. */
  async typeSearch(text: string): Promise<void> {
    await this.search.click()
    await this.search.pressSequentially(text)
  }

  /** A station's or port's checkbox in the location tree. */
  location(name: string): Locator {
    return this.root
      .getByTestId('filter-location')
      .getByRole('checkbox', { name: startsWith(name) })
  }

  /** A checkbox in one of the option groups (family, role, state, configuration, agency). */
  option(group: 'family' | 'role' | 'state' | 'configuration' | 'agency', name: string): Locator {
    return this.root
      .getByTestId(`filter-${group}`)
      .getByRole('checkbox', { name: startsWith(name) })
  }

  /** The whole row (label, checkbox, count) of a station or port. */
  locationRow(name: string): Locator {
    return this.root
      .getByTestId('filter-location')
      .locator('label')
      .filter({ has: this.page.getByRole('checkbox', { name: startsWith(name) }) })
  }

  /** The whole row (label, checkbox, count) of an option. */
  optionRow(
    group: 'family' | 'role' | 'state' | 'configuration' | 'agency',
    name: string,
  ): Locator {
    return this.root
      .getByTestId(`filter-${group}`)
      .locator('label')
      .filter({ has: this.page.getByRole('checkbox', { name: startsWith(name) }) })
  }

  /** The remove button of the chip whose text contains `text`. */
  removeChip(text: string): Locator {
    return this.chips.filter({ hasText: text }).getByRole('button')
  }

  async chipTexts(): Promise<string[]> {
    return (await this.chips.allInnerTexts()).map((t) => t.replace(/\s*×\s*$/, '').trim())
  }

  /**
   * Waits for the chips to read `texts`. The chips render from a deferred copy of the filters,
   * so they may trail the result count by a frame or two.
   */
  async expectChips(texts: readonly string[]): Promise<void> {
    await expect.poll(() => this.chipTexts()).toEqual(texts)
  }

  async saveView(name: string): Promise<void> {
    await this.root.getByRole('textbox', { name: 'Name for the current filters' }).fill(name)
    await this.root.getByRole('button', { name: 'Save view' }).click()
  }

  openView(name: string): Locator {
    return this.root.getByRole('button', { name: `Open view ${name}` })
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** An accessible name starting with `name` (the count follows it). */
function startsWith(name: string): RegExp {
  return new RegExp(`^${escapeRegExp(name)}\\b`)
}
