import type { AppError } from '../../shared/ipc/contract'
import { importSizeProblem } from '../../shared/ll2/import-input'
import type { ImportReport } from '../../shared/ll2/import-report'
import type { SliceCreator } from './slice'

/** A file the user picked: what the renderer's `File` gives, and a test can fake. */
export interface PickedFile {
  readonly name: string
  /** Bytes. */
  readonly size: number
  text(): Promise<string>
}

/** Where an import stands. */
export type ImportStatus =
  | { readonly state: 'idle' }
  | { readonly state: 'reading' | 'importing'; readonly fileName: string }
  | { readonly state: 'done'; readonly report: ImportReport }
  | { readonly state: 'error'; readonly fileName: string; readonly message: string }

/** The "Import…" dialog and the import it runs. */
export interface ImportSlice {
  readonly importOpen: boolean
  readonly importStatus: ImportStatus
  /** Opens or closes the dialog; closing forgets a finished import's report. */
  setImportOpen(open: boolean): void
  /**
   * Reads `file` and has main import it; on success the data is loaded
   * again (a selected record that changed refreshes its detail, as after a sync).
   */
  importFile(file: PickedFile): Promise<void>
}

const isRunning = (s: ImportStatus) => s.state === 'reading' || s.state === 'importing'

function messageOf(fileName: string, error: AppError): string {
  switch (error.code) {
    case 'bad-file':
      return error.message
    case 'invalid-argument':
      return `${fileName} was refused: ${error.message}; nothing was imported`
    default:
      // The import writes in one transaction: a failure leaves the cache as it was.
      return `${fileName} could not be imported: ${error.message}; nothing was imported`
  }
}

/** Creates the import slice. */
export const createImportSlice: SliceCreator<ImportSlice> =
  ({ api }) =>
  (set, get) => {
    const fail = (fileName: string, message: string) =>
      set({ importStatus: { state: 'error', fileName, message } })
    return {
      importOpen: false,
      importStatus: { state: 'idle' },
      setImportOpen(open) {
        if (open) set({ importOpen: true })
        // A running import keeps its status: its answer still comes, and reloads the data.
        else
          set(
            isRunning(get().importStatus)
              ? { importOpen: false }
              : {
                  importOpen: false,
                  importStatus: { state: 'idle' },
                },
          )
      },
      async importFile(file) {
        if (isRunning(get().importStatus)) return
        const fileName = file.name
        // Refused before reading: a huge file is never held in memory.
        const tooLarge = importSizeProblem(file.size)
        if (tooLarge !== null)
          return fail(fileName, `${fileName}: ${tooLarge}; nothing was imported`)
        set({ importStatus: { state: 'reading', fileName } })
        let text: string
        try {
          text = await file.text()
        } catch (e) {
          return fail(
            fileName,
            `${fileName} could not be read: ${e instanceof Error ? e.message : String(e)}`,
          )
        }
        set({ importStatus: { state: 'importing', fileName } })
        const result = await api.importRecords({ fileName, text })
        if (!result.ok) return fail(fileName, messageOf(fileName, result.error))
        set({ importStatus: { state: 'done', report: result.value } })
        await get().loadData()
      },
    }
  }
