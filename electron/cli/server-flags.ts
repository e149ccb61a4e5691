/**
 * Flags that say which LL2 server to talk to and how: `--base-url` and
 * `--timeout`. The API key comes from `api-key-input.ts`, never argv.
 */
import { LL2_PRODUCTION_URL } from '../app-services'
import { mayCarryKey } from '../ll2/api-key-store'
import type { CliContext } from './cli-context'
import { UsageError } from './cli-errors'
import { parseIntFlag, str, type Flags } from './flags'

/** The environment variables a command may read. */
type Env = Readonly<Record<string, string | undefined>>

/** Checks a `--base-url` value. */
export function baseUrlFlag(flags: Flags): string | undefined {
  const value = str(flags, 'base-url')
  if (value === undefined) return undefined
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new UsageError(
      `--base-url wants an address such as ${LL2_PRODUCTION_URL}, not "${value}"`,
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError('--base-url must start with https:// or http://')
  }
  return value.replace(/\/+$/, '')
}

/** Says when a key given for this run will not be sent (plain http to another machine). */
export function warnIfKeyWithheld(
  apiKey: string | undefined,
  baseUrl: string | undefined,
  ctx: CliContext,
): void {
  if (apiKey !== undefined && baseUrl !== undefined && !mayCarryKey(baseUrl)) {
    ctx.err(
      `The API key is not sent to ${new URL(baseUrl).origin}: keys go only over https (or plain http to this computer).\n`,
    )
  }
}

/** Client tuning: `--timeout`, and `DT_LL2_BACKOFF_MS` so tests need not wait out real backoffs. */
export function clientTuning(flags: Flags, env: Env) {
  const timeout = str(flags, 'timeout')
  const backoff = env.DT_LL2_BACKOFF_MS
  return {
    timeoutMs: timeout === undefined ? undefined : parseIntFlag('timeout', timeout, 1) * 1000,
    backoffMs: backoff === undefined ? undefined : parseIntFlag('DT_LL2_BACKOFF_MS', backoff),
  }
}
