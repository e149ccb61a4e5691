/** Details of the selected docking (issue #4). */
export function DetailPanel() {
  return null
}
