import type {
  AppError,
  InvokeChannel,
  RequestOf,
  ResponseOf,
  Result,
} from '../../shared/ipc/contract'
import { REQUEST_SCHEMAS } from '../../shared/ipc/validators'
import { jsonShapeProblem } from '../../shared/json/json-shape'
import { describeIssue } from '../../shared/ll2/schema'
import { toAppError } from '../app-error'

/** One function per invoke channel: the services behind the IPC contract. */
export type Handlers = {
  readonly [C in InvokeChannel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C>
}

/** Is this a channel of the contract? (Anything else is refused unheard.) */
export function isInvokeChannel(channel: string): channel is InvokeChannel {
  return Object.hasOwn(REQUEST_SCHEMAS, channel)
}

/** Deepest argument any channel needs is 3 levels; 32 leaves room for preference values. */
const REQUEST_SHAPE = {
  maxDepth: 32,
  forbidPrototypeKeys: true,
  allowSharedReferences: false,
} as const

const invalid = (message: string): AppError => ({ code: 'invalid-argument', message })

/**
 * Validates a request, runs its handler and wraps the outcome as a Result.
 *
 * Electron's `ipcMain.handle` and the e2e bridge both go through here, so the
 * browser tests exercise the same validation the app does.
 */
export async function handleInvoke(
  handlers: Handlers,
  channel: string,
  request: unknown,
): Promise<Result<unknown>> {
  try {
    if (!isInvokeChannel(channel)) {
      return { ok: false, error: invalid(`unknown channel ${String(channel)}`) }
    }
    // Before zod: its recursion would throw RangeError on a deeply nested argument.
    const shape = jsonShapeProblem(request ?? null, REQUEST_SHAPE)
    if (shape !== null) return { ok: false, error: invalid(`${channel}: ${shape}`) }
    const parsed = REQUEST_SCHEMAS[channel].safeParse(request ?? null)
    if (!parsed.success) {
      return { ok: false, error: invalid(`${channel}: ${describeIssue(parsed.error)}`) }
    }
    const handler = handlers[channel] as (r: unknown) => unknown
    return { ok: true, value: await handler(parsed.data) }
  } catch (e) {
    return { ok: false, error: toAppError(e) }
  }
}
