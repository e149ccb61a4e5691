/** The Export… action in the header (issue #6). */
export function ExportButton() {
  return null
}
