import type { InvokeChannel, RequestOf, ResponseOf, Result } from '../../shared/ipc/contract'
import { REQUEST_SCHEMAS } from '../../shared/ipc/validators'
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
  if (!isInvokeChannel(channel)) {
    return { ok: false, error: { code: 'invalid-argument', message: `unknown channel ${channel}` } }
  }
  const parsed = REQUEST_SCHEMAS[channel].safeParse(request ?? null)
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'invalid-argument', message: `${channel}: ${describeIssue(parsed.error)}` },
    }
  }
  try {
    const handler = handlers[channel] as (r: unknown) => unknown
    return { ok: true, value: await handler(parsed.data) }
  } catch (e) {
    return { ok: false, error: toAppError(e) }
  }
}
