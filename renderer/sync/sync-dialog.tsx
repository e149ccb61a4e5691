import { useEffect, useId, useRef, useState } from 'react'

import type { SyncKind } from '../../shared/ipc/contract'
import { describePlan, describeProgress } from '../../shared/sync/sync-text'
import { toIsoUtc } from '../../shared/domain/units'
import { useAppStore, useShallow } from '../state/store'

const SERVERS = [
  {
    url: 'https://ll.thespacedevs.com',
    label: 'Launch Library 2 (production; 15 requests an hour without a key)',
  },
  {
    url: 'https://lldev.thespacedevs.com',
    label: 'Launch Library 2 development server (no limit, stale data)',
  },
] as const

const isActive = (state: string | undefined) => state === 'running' || state === 'waiting'

/** The sync dialog: server, API key, plan, progress, cancel. */
export function SyncDialog({ onClose }: { readonly onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null)
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
  const [apiKey, setApiKey] = useState('')
  const ids = { server: useId(), custom: useId(), key: useId(), progress: useId() }

  useEffect(() => {
    dialog.current?.showModal()
    void actions.loadSync()
  }, [actions])

  const baseUrl = settings?.baseUrl ?? SERVERS[0].url
  const isKnown = SERVERS.some((s) => s.url === baseUrl)
  const active = isActive(status?.state)
  const progressMax = status?.pagesTotal ?? undefined

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
          value={isKnown ? baseUrl : 'custom'}
          disabled={active}
          onChange={(e) => {
            if (e.target.value !== 'custom') void actions.update({ baseUrl: e.target.value })
            else setCustomUrl(baseUrl)
          }}
        >
          {SERVERS.map((s) => (
            <option key={s.url} value={s.url}>
              {s.label}
            </option>
          ))}
          <option value="custom">Another LL2-compatible mirror…</option>
        </select>
      </div>
      {(!isKnown || customUrl) && (
        <form
          className="field inline"
          onSubmit={(e) => {
            e.preventDefault()
            void actions.update({ baseUrl: customUrl.trim() }).then((ok) => ok && setCustomUrl(''))
          }}
        >
          <label htmlFor={ids.custom}>Mirror URL</label>
          <input
            id={ids.custom}
            type="url"
            placeholder="https://…"
            value={customUrl || baseUrl}
            onChange={(e) => setCustomUrl(e.target.value)}
          />
          <button type="submit">Use mirror</button>
        </form>
      )}
      <form
        className="field inline"
        onSubmit={(e) => {
          e.preventDefault()
          void actions.update({ apiKey: apiKey.trim() }).then((ok) => ok && setApiKey(''))
        }}
      >
        <label htmlFor={ids.key}>
          API key for this server{' '}
          {!settings?.hasApiKey
            ? '(none: anonymous)'
            : settings.apiKeyEncrypted
              ? '(a key is saved, encrypted)'
              : '(a key is saved, stored unencrypted: no system keychain)'}
        </label>
        <input
          id={ids.key}
          type="password"
          autoComplete="off"
          value={apiKey}
          onChange={(e) => setApiKey(e.target.value)}
          placeholder={settings?.hasApiKey ? 'Replace the saved key' : 'Optional'}
        />
        <button type="submit" disabled={!apiKey.trim()}>
          Save key
        </button>
        {settings?.hasApiKey && (
          <button type="button" onClick={() => void actions.update({ apiKey: null })}>
            Forget key
          </button>
        )}
      </form>

      <fieldset className="field" disabled={active}>
        <legend>What to fetch</legend>
        <label>
          <input
            type="radio"
            name="sync-kind"
            checked={kind === 'incremental'}
            onChange={() => setKind('incremental')}
          />{' '}
          New and changed dockings since the last sync
        </label>
        <label>
          <input
            type="radio"
            name="sync-kind"
            checked={kind === 'full'}
            onChange={() => setKind('full')}
          />{' '}
          Everything (full sync; replaces the bundled snapshot when it completes)
        </label>
      </fieldset>
      <div className="actions">
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
        {active && (
          <button type="button" onClick={() => void actions.cancelSync()}>
            Cancel sync
          </button>
        )}
      </div>
      {plan && (
        <p className="sync-plan" data-testid="sync-plan">
          {describePlan(plan)}
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
            {describeProgress(status)}
          </p>
        </div>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error.message}
        </p>
      )}
      <dl className="sync-facts">
        <dt>Last full sync</dt>
        <dd>{status?.lastFullSync ? `${toIsoUtc(status.lastFullSync)} UTC` : 'never'}</dd>
        <dt>Last incremental sync</dt>
        <dd>
          {status?.lastIncrementalSync ? `${toIsoUtc(status.lastIncrementalSync)} UTC` : 'never'}
        </dd>
        <dt>Source</dt>
        <dd>{status?.baseUrl ?? baseUrl}</dd>
      </dl>
      <div className="actions">
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  )
}
