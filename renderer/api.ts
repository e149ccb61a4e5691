import type { AppApi } from '../shared/ipc/contract'

declare global {
  interface Window {
    /** Exposed by the preload (or the e2e bridge); exactly the IPC contract. */
    readonly api: AppApi
  }
}

/** The main process, as the renderer sees it. */
export const api = (): AppApi => window.api
