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
  return { code: 'internal', message: describeThrown(e) }
}

// Anything may be thrown, even a value whose toString throws; the Result must still be made.
function describeThrown(e: unknown): string {
  try {
    return e instanceof Error ? e.message : String(e)
  } catch {
    return 'an error that cannot be described'
  }
}
