import type { SliceCreator } from './slice'

/** What the user narrows the data to. */
export interface FiltersSlice {
  readonly search: string
  setSearch(search: string): void
}

/** Creates the filters slice. */
export const createFiltersSlice: SliceCreator<FiltersSlice> = (set) => ({
  search: '',
  setSearch: (search) => set({ search }),
})
