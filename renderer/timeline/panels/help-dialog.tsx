import { useModalDialog } from '../../components/use-modal-dialog'
import { useAppStore, useAppStoreApi } from '../../state/store'
import { SHORTCUTS } from '../keys/shortcuts'

/** The keyboard help overlay, opened with "?" or the toolbar's help button. */
export function HelpDialog() {
  const open = useAppStore((s) => s.helpOpen)
  const appStore = useAppStoreApi()
  const ref = useModalDialog(open)
  return (
    <dialog
      ref={ref}
      className="dialog help-dialog"
      aria-labelledby="help-title"
      onClose={() => appStore.getState().setHelpOpen(false)}
    >
      <h2 id="help-title">Keyboard shortcuts</h2>
      <table>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.action}>
              <th scope="row">
                {s.keys.map((k) => (
                  <kbd key={k}>{k}</kbd>
                ))}
              </th>
              <td>{s.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        Mouse: wheel over the chart zooms, drag pans, wheel over the row names scrolls rows. Click a
        station name (or Tab to it and press Enter) to fold its ports. The table view lists the same
        rows for reading and screen readers.
      </p>
      <form method="dialog" className="dialog-actions">
        <button type="submit" className="primary" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  )
}
