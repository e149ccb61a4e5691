/** How a button's action went, in words: "Copied to the clipboard.", "Not saved: …". */
export interface ActionOutcome {
  readonly ok: boolean
  readonly text: string
}

/** The line beside an action's button that says how it went; read out as it changes. */
export function ActionStatus({ outcome }: { readonly outcome: ActionOutcome | null }) {
  return (
    <span role="status" className={`action-status ${outcome?.ok === false ? 'is-error' : 'muted'}`}>
      {outcome?.text}
    </span>
  )
}
