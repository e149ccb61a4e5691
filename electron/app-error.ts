import type { AppError, ErrorCode } from '../shared/ipc/contract'

/** An error a service throws on purpose, with the code the renderer switches on. */
export class CodedError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'CodedError'
  }
}

/** Turns anything thrown into an AppError fit to cross IPC. */
export function toAppError(e: unknown): AppError {
  if (e instanceof CodedError) return { code: e.code, message: e.message }
  const message = e instanceof Error ? e.message : String(e)
  return { code: 'internal', message }
}
