/** Search box and filter panel (issue #5). */
export function FilterPanel() {
  return <aside className="filter-panel" aria-label="Search and filters" />
}
