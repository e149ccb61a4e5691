import { highlightSegments } from '../../shared/query/highlight'

/** Text with the search terms marked, for table cells and lists. */
export function Highlighted({
  text,
  terms,
}: {
  readonly text: string
  readonly terms: ReadonlyArray<string>
}) {
  if (terms.length === 0) return <>{text}</>
  return (
    <>
      {highlightSegments(text, terms).map((s, i) =>
        s.isMatch ? (
          <mark key={i} className="search-mark">
            {s.text}
          </mark>
        ) : (
          s.text
        ),
      )}
    </>
  )
}
