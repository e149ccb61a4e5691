/**
 * Flags that say which LL2 server to talk to and how: `--base-url`,
 * `--api-key` (or `DT_LL2_API_KEY`) and `--timeout`.
 */
import { LL2_PRODUCTION_URL } from '../app-services'
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

/** The API key from `--api-key` or `DT_LL2_API_KEY`; undefined leaves the stored one. */
export function apiKeyFlag(flags: Flags, env: Env): string | undefined {
  const key = str(flags, 'api-key') ?? env.DT_LL2_API_KEY
  if (key !== undefined && !/^[A-Za-z0-9._-]{1,200}$/.test(key)) {
    throw new UsageError('--api-key: letters, digits, ".", "_" and "-" only')
  }
  return key
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
