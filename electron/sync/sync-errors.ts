import { Ll2FormatError } from '../../shared/ll2/ingest'
import { clockUtc } from '../../shared/time/time-format'
import { CodedError } from '../app-error'
import {
  CancelledError,
  Ll2HttpError,
  Ll2TooLargeError,
  Ll2UnavailableError,
  RateLimitedError,
} from '../ll2/ll2-errors'

const host = (url: string): string => {
  try {
    return new URL(url).origin
  } catch {
    return url
  }
}

/**
 * Says in plain words what went wrong talking to LL2, and what it means for
 * the user's data, with the code the renderer switches on.
 */
export function explainLl2Error(e: unknown, baseUrl: string): CodedError {
  if (e instanceof CodedError) return e
  if (e instanceof CancelledError) return new CodedError('cancelled', 'Cancelled.')
  if (e instanceof RateLimitedError) {
    return new CodedError(
      'rate-limited',
      `Launch Library 2's rate limit is used up; requests may resume at ${clockUtc(e.until, e.at)}.`,
    )
  }
  if (e instanceof Ll2UnavailableError) {
    return new CodedError('offline', `Could not get data from ${host(e.url)}: ${e.reason}.`)
  }
  if (e instanceof Ll2TooLargeError) {
    return new CodedError(
      'bad-response',
      `${host(e.url)}: the answer to ${e.url} is ${e.reason}; it was not read and nothing from it was stored.`,
    )
  }
  if (e instanceof Ll2HttpError) {
    if (e.status === 401 || e.status === 403) {
      return new CodedError(
        'bad-response',
        `${host(e.url)} refused the API key (HTTP ${e.status}${e.detail ? `: ${e.detail}` : ''}). Check or remove the key in the sync settings.`,
      )
    }
    if (e.status === 404) {
      return new CodedError(
        'not-found',
        `${host(e.url)} has no ${new URL(e.url).pathname} (HTTP 404).`,
      )
    }
    return new CodedError(
      'bad-response',
      `${host(e.url)} answered HTTP ${e.status}${e.detail ? ` (${e.detail})` : ''} for ${e.url}.`,
    )
  }
  if (e instanceof Ll2FormatError) {
    return new CodedError(
      'bad-response',
      `${host(baseUrl)} sent data the app cannot read: ${e.message}. Nothing from that page was stored.`,
    )
  }
  return new CodedError('internal', e instanceof Error ? e.message : String(e))
}
