/**
 * One sentence saying where a record came from, for the detail panel, the
 * table's tooltips and exports: "LL2 2.1.0 record, captured about January
 * 2021, via colbad2/LaunchList".
 */
import type { DataSource, EventOrigin } from './model'
import { toIsoUtc, type UtcMillis } from './units'

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** `2021-01` → "January 2021"; a full date stays ISO (`2026-07-24`). */
function whenText(date: string, approximately: boolean): string {
  const month = /^(\d{4})-(\d{2})$/.exec(date)
  const text = month ? `${MONTHS[Number(month[2]) - 1] ?? month[2]} ${month[1]}` : date
  return approximately ? `about ${text}` : text
}

const FORM_WORDS: Record<EventOrigin['form'], string> = {
  served: 'record',
  'as-found': 'record',
  'currently-docked': 'record, as its station listed it docked',
  'pruned-transcription': 'record, transcribed from a summary of a capture',
}

/** The words for a list of corrected fields: "docking, departure and port". */
function fieldsText(fields: ReadonlyArray<string>): string {
  if (fields.length <= 1) return fields.join('')
  return `${fields.slice(0, -1).join(', ')} and ${fields[fields.length - 1]}`
}

/** What the event's record is and where it came from, in one sentence. */
export function originSentence(event: {
  readonly origin: EventOrigin
  readonly source: DataSource
  readonly fetchedAt: UtcMillis
}): string {
  const { origin } = event
  if (origin.apiVersion === null) {
    return 'Not a Launch Library 2 record: compiled from the public sources it lists'
  }
  const what = `LL2 ${origin.apiVersion} ${FORM_WORDS[origin.form]}`
  const day = toIsoUtc(event.fetchedAt).slice(0, 10)
  const captured = origin.capturedAt
    ? `captured ${whenText(origin.capturedAt, origin.capturedApproximately)}`
    : event.source === 'll2'
      ? `fetched ${day}`
      : event.source === 'import'
        ? `imported ${day}`
        : null
  const via = origin.xSource ? `via ${origin.xSource.split('@')[0]}` : null
  const correction = origin.correction
    ? `${fieldsText(origin.correction.fields)} as LL2 ${origin.correction.apiVersion} later corrected ${
        origin.correction.fields.length > 1 ? 'them' : 'it'
      }${
        origin.correction.capturedAt
          ? ` (captured ${whenText(origin.correction.capturedAt, origin.correction.capturedApproximately)})`
          : ''
      }`
    : null
  const head = [what, captured, via].filter((p): p is string => p !== null).join(', ')
  return correction ? `${head}; ${correction}` : head
}
