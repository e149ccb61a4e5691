import type { ReactNode } from 'react'

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
  return (
    <section
      className={`message-state message-${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      aria-labelledby="message-title"
    >
      <h2 id="message-title">{title}</h2>
      {children}
    </section>
  )
}
