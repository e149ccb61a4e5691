import { useEffect, useId, useRef, useState } from 'react'

import type { SyncKind } from '../../shared/ipc/contract'
import { describePlan, describeProgress } from '../../shared/sync/sync-text'
import { toIsoUtc } from '../../shared/domain/units'
import { useAppStore, useAppStoreApi, useShallow } from '../state/store'

// Short names for the list (the long ones were cut off at 1024x700); what
// choosing one means goes in the hint under it.
const SERVERS = [
  {
    url: 'https://ll.thespacedevs.com',
    label: 'Launch Library 2 (production)',
    hint: '15 requests an hour without an API key; more with one.',
  },
  {
    url: 'https://lldev.thespacedevs.com',
    label: 'Launch Library 2 development server',
    hint: 'No request limit, but its data can lag production by weeks.',
  },
] as const

const MIRROR_HINT = 'Any server that answers as Launch Library 2 2.3.0 does.'

const isActive = (state: string | undefined) => state === 'running' || state === 'waiting'

/** The sync dialog: server, API key, plan, progress, cancel. */
export function SyncDialog({ onClose }: { readonly onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  const { clock } = useAppStoreApi()
  const { status, settings, plan, error } = useAppStore(
    useShallow((s) => ({
      status: s.syncStatus,
      settings: s.syncSettings,
      plan: s.syncPlan,
      error: s.syncError,
    })),
  )
  const actions = useAppStore(
    useShallow((s) => ({
      loadSync: s.loadSync,
      update: s.updateSyncSettings,
      planSync: s.planSync,
      startSync: s.startSync,
      cancelSync: s.cancelSync,
    })),
  )
  const [kind, setKind] = useState<SyncKind>('incremental')
  const [customUrl, setCustomUrl] = useState('')
  // Picking "Another mirror…" must stay picked while its address is typed.
  const [mirrorPicked, setMirrorPicked] = useState(false)
  const [apiKey, setApiKey] = useState('')
  const ids = {
    server: useId(),
    serverHint: useId(),
    custom: useId(),
    key: useId(),
    keyHint: useId(),
    progress: useId(),
  }

  useEffect(() => {
    dialog.current?.showModal()
    void actions.loadSync()
  }, [actions])

  const baseUrl = settings?.baseUrl ?? SERVERS[0].url
  const isKnown = SERVERS.some((s) => s.url === baseUrl)
  const active = isActive(status?.state)
  const progressMax = status?.pagesTotal ?? undefined
  const showMirror = !isKnown || mirrorPicked
  // While a sync runs its own plan, corrected after the first page, is the one to show.
  const shownPlan =
    (status && status.state !== 'idle' ? status.plan : null) ?? (plan?.kind === kind ? plan : null)

  return (
    <dialog
      ref={dialog}
      className="dialog sync-dialog"
      aria-labelledby="sync-title"
      onClose={onClose}
    >
      <h2 id="sync-title">Sync with Launch Library 2</h2>
      <div className="field">
        <label htmlFor={ids.server}>Server</label>
        <select
          id={ids.server}
          aria-describedby={ids.serverHint}
          value={showMirror ? 'custom' : baseUrl}
          disabled={active}
          onChange={(e) => {
            const picked = e.target.value
            setMirrorPicked(picked === 'custom')
            if (picked !== 'custom') void actions.update({ baseUrl: picked })
            else setCustomUrl(isKnown ? '' : baseUrl)
          }}
        >
          {SERVERS.map((s) => (
            <option key={s.url} value={s.url}>
              {s.label}
            </option>
          ))}
          <option value="custom">Another LL2-compatible mirror…</option>
        </select>
        <span id={ids.serverHint} className="field-hint">
          {showMirror ? MIRROR_HINT : SERVERS.find((s) => s.url === baseUrl)?.hint}
        </span>
      </div>
      {showMirror && (
        <form
          className="field"
          onSubmit={(e) => {
            e.preventDefault()
            void actions.update({ baseUrl: customUrl.trim() }).then((ok) => {
              if (ok) setCustomUrl('')
            })
          }}
        >
          <label htmlFor={ids.custom}>Mirror address</label>
          <input
            id={ids.custom}
            type="url"
            placeholder="https://…"
            value={customUrl || (isKnown ? '' : baseUrl)}
            disabled={active}
            onChange={(e) => setCustomUrl(e.target.value)}
          />
          <button type="submit" disabled={active || !customUrl.trim()}>
            Use mirror
          </button>
        </form>
      )}
      <form
        className="field"
        onSubmit={(e) => {
          e.preventDefault()
          void actions.update({ apiKey: apiKey.trim() }).then((ok) => ok && setApiKey(''))
        }}
      >
        <label htmlFor={ids.key}>API key</label>
        <input
          id={ids.key}
          type="password"
          autoComplete="off"
          value={apiKey}
          onChange={(e) => setApiKey(e.target.value)}
          placeholder={settings?.hasApiKey ? 'Replace the saved key' : 'Optional'}
          aria-describedby={ids.keyHint}
        />
        <span className="field-buttons">
          <button type="submit" disabled={!apiKey.trim()}>
            Save key
          </button>
          {settings?.hasApiKey && (
            <button type="button" onClick={() => void actions.update({ apiKey: null })}>
              Forget key
            </button>
          )}
        </span>
        <span id={ids.keyHint} className="field-hint">
          {!settings?.hasApiKey
            ? 'None saved for this server: requests are anonymous.'
            : settings.apiKeyEncrypted
              ? 'A key is saved for this server, encrypted.'
              : 'A key is saved for this server, unencrypted (no system keychain).'}
        </span>
      </form>

      <fieldset className="kind-field" disabled={active}>
        <legend>What to fetch</legend>
        <label className="check">
          <input
            type="radio"
            name="sync-kind"
            checked={kind === 'incremental'}
            onChange={() => setKind('incremental')}
          />{' '}
          New and changed dockings since the last sync
        </label>
        <label className="check">
          <input
            type="radio"
            name="sync-kind"
            checked={kind === 'full'}
            onChange={() => setKind('full')}
          />{' '}
          Everything (full sync; replaces the bundled snapshot when it completes)
        </label>
      </fieldset>
      <div className="dialog-actions sync-actions">
        {active && (
          <button type="button" onClick={() => void actions.cancelSync()}>
            Cancel sync
          </button>
        )}
        <button type="button" disabled={active} onClick={() => void actions.planSync(kind)}>
          Plan
        </button>
        <button
          type="button"
          className="primary"
          disabled={active}
          onClick={() => void actions.startSync(kind)}
        >
          Start sync
        </button>
      </div>
      {shownPlan && (
        <p className="sync-plan" data-testid="sync-plan">
          {describePlan(shownPlan)}
        </p>
      )}
      {status && status.state !== 'idle' && (
        <div className="sync-progress">
          <progress
            id={ids.progress}
            max={progressMax}
            value={progressMax === undefined ? undefined : status.pagesDone}
            aria-label="Sync progress"
          />
          <p role="status" data-testid="sync-status">
            {describeProgress(status, clock.now())}
          </p>
        </div>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error.message}
        </p>
      )}
      <dl className="facts sync-facts">
        <dt>Last full sync</dt>
        <dd>{status?.lastFullSync ? `${toIsoUtc(status.lastFullSync)} UTC` : 'never'}</dd>
        <dt>Last incremental sync</dt>
        <dd>
          {status?.lastIncrementalSync ? `${toIsoUtc(status.lastIncrementalSync)} UTC` : 'never'}
        </dd>
        <dt>Source</dt>
        <dd>{status?.baseUrl ?? baseUrl}</dd>
      </dl>
      <div className="dialog-actions">
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  )
}
