import { useId, type ReactNode } from 'react'

/** A full-panel message: the empty state, the error state. */
export function MessageState({
  title,
  tone,
  children,
}: {
  readonly title: string
  readonly tone: 'empty' | 'error'
  readonly children: ReactNode
}) {
  // The chart keeps its own while the table shows another: ids of their own.
  const titleId = useId()
  return (
    <section
      className={`message-state message-${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      aria-labelledby={titleId}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </section>
  )
}
