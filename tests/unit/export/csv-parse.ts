/**
 * An RFC 4180 CSV reader for tests, written independently of the exporter.
 *
 * Lines starting with `#` before the header row are returned as comments, as
 * pandas (`comment='#'`) and R (`comment.char`) treat them.
 */

export interface ParsedCsv {
  readonly comments: ReadonlyArray<string>
  readonly header: ReadonlyArray<string>
  readonly rows: ReadonlyArray<ReadonlyArray<string>>
}

/** Parses CSV text: quoted fields with doubled quotes, CRLF or LF line ends. */
export function parseCsv(text: string): ParsedCsv {
  const comments: string[] = []
  let i = 0
  while (text[i] === '#') {
    const end = text.indexOf('\n', i)
    comments.push(text.slice(i, end).replace(/\r$/, ''))
    i = end + 1
  }
  const records: string[][] = []
  let field = ''
  let record: string[] = []
  let quoted = false
  let wasQuoted = false
  for (; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else field += c
      continue
    }
    if (c === '"') {
      if (field !== '' || wasQuoted) throw new Error(`quote inside an unquoted field at ${i}`)
      quoted = true
      wasQuoted = true
    } else if (c === ',') {
      record.push(field)
      field = ''
      wasQuoted = false
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      record.push(field)
      records.push(record)
      record = []
      field = ''
      wasQuoted = false
    } else {
      if (wasQuoted) throw new Error(`text after a closing quote at ${i}`)
      field += c
    }
  }
  if (quoted) throw new Error('unterminated quoted field')
  if (field !== '' || record.length > 0) {
    record.push(field)
    records.push(record)
  }
  const [header, ...rows] = records
  if (!header) throw new Error('no header row')
  for (const r of rows) {
    if (r.length !== header.length)
      throw new Error(`row of ${r.length} fields, header has ${header.length}`)
  }
  return { comments, header, rows }
}
