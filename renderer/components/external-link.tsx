import { useState, type ReactNode } from 'react'

import { isAllowedExternalUrl } from '../../shared/links/external-links'
import { useAppStoreApi } from '../state/store'

/** A link opened in the user's browser through main, only for allowlisted https addresses. */
export function ExternalLink({
  url,
  children,
}: {
  readonly url: string
  readonly children: ReactNode
}) {
  const { api } = useAppStoreApi()
  const [error, setError] = useState<string | null>(null)
  if (!isAllowedExternalUrl(url)) return <span className="url-text">{url}</span>
  return (
    <>
      <a
        href={url}
        onClick={(e) => {
          // Never navigate the app window; main opens the browser (Electron security baseline).
          e.preventDefault()
          void api.openExternal({ url }).then((r) => setError(r.ok ? null : r.error.message))
        }}
      >
        {children}
      </a>
      {error && (
        <span className="field-error" role="alert">
          {' '}
          {error}
        </span>
      )}
    </>
  )
}
