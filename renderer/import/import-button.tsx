import { useAppStore } from '../state/store'

/**
 * Opens "Import docking events"; says so while an import runs, even with
 * the dialog closed. `onOpen` runs first (a dialog it sits in closes).
 */
export function ImportButton({
  className,
  label = 'Import…',
  onOpen,
}: {
  readonly className?: string
  readonly label?: string
  readonly onOpen?: () => void
}) {
  const running = useAppStore(
    (s) => s.importStatus.state === 'reading' || s.importStatus.state === 'importing',
  )
  const setImportOpen = useAppStore((s) => s.setImportOpen)
  return (
    <button
      type="button"
      className={className}
      aria-haspopup="dialog"
      title="Import LL2 docking events from a JSON file"
      onClick={() => {
        onOpen?.()
        setImportOpen(true)
      }}
    >
      {running ? 'Importing…' : label}
    </button>
  )
}
