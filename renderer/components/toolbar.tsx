/** Chart navigation: zoom, presets, jump to date, theme and time-zone toggles (issue #4). */
export function Toolbar() {
  return null
}
