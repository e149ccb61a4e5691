/** The Sync action and its progress in the header (issue #3). */
export function SyncButton() {
  return null
}
