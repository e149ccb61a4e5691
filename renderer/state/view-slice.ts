import type { SliceCreator } from './slice'

/** Light, dark, or whatever the system prefers. */
export type ThemeChoice = 'system' | 'light' | 'dark'

/** How the chart is shown. */
export interface ViewSlice {
  readonly theme: ThemeChoice
  /** Times are UTC unless the user asks for local time. */
  readonly timeZone: 'utc' | 'local'
  readonly selectedEventId: number | null
  setTheme(theme: ThemeChoice): void
  setTimeZone(zone: 'utc' | 'local'): void
  selectEvent(id: number | null): void
}

/** Creates the view slice. */
export const createViewSlice: SliceCreator<ViewSlice> = (set) => ({
  theme: 'system',
  timeZone: 'utc',
  selectedEventId: null,
  setTheme: (theme) => set({ theme }),
  setTimeZone: (timeZone) => set({ timeZone }),
  selectEvent: (selectedEventId) => set({ selectedEventId }),
})
