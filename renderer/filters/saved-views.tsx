import { useId, useState, type FormEvent } from 'react'

import type { SavedView } from '../../shared/query/saved-views'
import { selectActiveViewChanged } from '../state/filter-selectors'
import { useAppStore } from '../state/store'

function ViewItem({ view }: { readonly view: SavedView }) {
  const isActive = useAppStore((s) => s.activeViewId === view.id)
  const isChanged = useAppStore((s) => isActive && selectActiveViewChanged(s))
  const openView = useAppStore((s) => s.openView)
  const renameView = useAppStore((s) => s.renameView)
  const updateView = useAppStore((s) => s.updateView)
  const deleteView = useAppStore((s) => s.deleteView)
  const [mode, setMode] = useState<'idle' | 'rename' | 'confirm-delete'>('idle')
  const [name, setName] = useState(view.name)
  const [problem, setProblem] = useState<string | null>(null)
  const errorId = useId()

  if (mode === 'rename') {
    const submit = (e: FormEvent) => {
      e.preventDefault()
      const p = renameView(view.id, name)
      setProblem(p)
      if (!p) setMode('idle')
    }
    return (
      <li className="saved-view">
        <form onSubmit={submit} className="view-form">
          <input
            aria-label={`New name for ${view.name}`}
            value={name}
            autoFocus
            aria-invalid={problem !== null}
            aria-describedby={problem ? errorId : undefined}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault()
                setMode('idle')
                setName(view.name)
                setProblem(null)
              }
            }}
          />
          <button type="submit">Save name</button>
          <button type="button" onClick={() => setMode('idle')}>
            Cancel
          </button>
          {problem && (
            <p id={errorId} className="field-error" role="alert">
              {problem}
            </p>
          )}
        </form>
      </li>
    )
  }
  if (mode === 'confirm-delete') {
    return (
      <li className="saved-view">
        <span role="alert">Delete “{view.name}”?</span>
        <button type="button" className="danger" autoFocus onClick={() => deleteView(view.id)}>
          Delete
        </button>
        <button type="button" onClick={() => setMode('idle')}>
          Keep
        </button>
      </li>
    )
  }
  return (
    <li className={`saved-view${isActive ? ' is-active' : ''}`}>
      <button
        type="button"
        className="view-open"
        aria-label={`Open view ${view.name}`}
        aria-current={isActive ? 'true' : undefined}
        onClick={() => openView(view.id)}
      >
        {view.name}
        {isChanged && <span className="filter-hint"> (changed)</span>}
      </button>
      {isChanged && (
        <button
          type="button"
          aria-label={`Update view ${view.name}`}
          onClick={() => updateView(view.id)}
        >
          Update
        </button>
      )}
      <button
        type="button"
        aria-label={`Rename view ${view.name}`}
        onClick={() => {
          setName(view.name)
          setProblem(null)
          setMode('rename')
        }}
      >
        Rename
      </button>
      <button
        type="button"
        aria-label={`Delete view ${view.name}`}
        onClick={() => setMode('confirm-delete')}
      >
        Delete
      </button>
    </li>
  )
}

/** Named views: save the current filters, reopen, rename or delete them. */
export function SavedViews() {
  const views = useAppStore((s) => s.savedViews)
  const saveView = useAppStore((s) => s.saveView)
  const [name, setName] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const inputId = useId()
  const errorId = useId()
  return (
    <section className="filter-group saved-views" aria-labelledby={`${inputId}-heading`}>
      <h2 id={`${inputId}-heading`} className="filter-heading">
        Saved views
      </h2>
      {views.length === 0 ? (
        <p className="filter-hint">No saved views yet. Name the current filters to keep them.</p>
      ) : (
        <ul className="saved-view-list">
          {views.map((v) => (
            <ViewItem key={v.id} view={v} />
          ))}
        </ul>
      )}
      <form
        className="view-form"
        onSubmit={(e) => {
          e.preventDefault()
          const p = saveView(name)
          setProblem(p)
          if (!p) setName('')
        }}
      >
        <label htmlFor={inputId} className="visually-hidden">
          Name for the current filters
        </label>
        <input
          id={inputId}
          placeholder="View name"
          value={name}
          maxLength={80}
          aria-invalid={problem !== null}
          aria-describedby={problem ? errorId : undefined}
          onChange={(e) => {
            setName(e.target.value)
            setProblem(null)
          }}
        />
        <button type="submit">Save view</button>
        {problem && (
          <p id={errorId} className="field-error" role="alert">
            {problem}
          </p>
        )}
      </form>
    </section>
  )
}
