/**
 * The LL2 API keys, each tied to the origin it was entered for.
 *
 * A key goes only to the exact origin (scheme, host, port) it was entered
 * for, and never over plain http except to this computer: changing the base
 * URL must not hand the key to a new server. Keys are sealed by a SecretBox
 * (Electron's safeStorage in the app); where none is available they are
 * stored as given and the settings say so.
 */
import type { DockingCache } from '../../shared/cache/docking-cache'
import type { StoredApiKey, StoredApiKeys } from '../../shared/sync/sync-state'

/** Encrypts short secrets at rest; `available: false` when the platform offers no keychain. */
export interface SecretBox {
  readonly available: boolean
  encrypt(plain: string): string
  decrypt(sealed: string): string
}

/** The box of plain Node (the CLI, tests): nothing to encrypt with. */
export const NO_SECRET_BOX: SecretBox = {
  available: false,
  encrypt: (plain) => plain,
  decrypt: (sealed) => sealed,
}

/** How the key of an origin is kept, as the settings and `cli status` say it. */
export type ApiKeyStorage = 'encrypted' | 'unencrypted' | 'none'

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]'])

/** True when a key may travel to `url`: https, or http to this computer only. */
export function mayCarryKey(url: string): boolean {
  const parsed = new URL(url)
  if (parsed.protocol === 'https:') return true
  if (parsed.protocol !== 'http:') return false
  return LOOPBACK_HOSTS.has(parsed.hostname) || /^127(\.\d{1,3}){3}$/.test(parsed.hostname)
}

/** The keys, per origin. */
export interface ApiKeyStore {
  /** The key entered for `baseUrl`'s origin, if one was and it may be sent there. */
  keyFor(baseUrl: string): string | null
  /** Stores (or with null forgets) the key for `baseUrl`'s origin. */
  set(baseUrl: string, key: string | null): void
  storageFor(baseUrl: string): ApiKeyStorage
}

/**
 * The store over the cache's sync state.
 *
 * A key saved before keys had origins is given to `legacyOrigin` (LL2
 * production, which issues keys), not to whatever the base URL is now.
 */
export function createApiKeyStore(
  cache: DockingCache,
  box: SecretBox,
  legacyOrigin: string,
): ApiKeyStore {
  const state = cache.state
  const parse = (): Record<string, StoredApiKey> => ({ ...(state.get('apiKeys') ?? {}) })
  const write = (keys: StoredApiKeys) =>
    state.set('apiKeys', Object.keys(keys).length ? keys : null)
  const seal = (key: string): StoredApiKey =>
    box.available ? { value: box.encrypt(key), encrypted: true } : { value: key, encrypted: false }

  // On first use, not at creation: a cache that cannot be opened fails every
  // call, and the app must still start to say so.
  let migrated = false
  const read = (): Record<string, StoredApiKey> => {
    if (!migrated) {
      migrated = true
      const legacy = state.get('legacyApiKey')
      if (legacy !== null) {
        cache.transaction(() => {
          const keys = parse()
          const origin = new URL(legacyOrigin).origin
          if (!keys[origin]) keys[origin] = seal(legacy)
          write(keys)
          state.set('legacyApiKey', null)
        })
      }
    }
    return parse()
  }

  const entry = (baseUrl: string): StoredApiKey | null => read()[new URL(baseUrl).origin] ?? null

  return {
    keyFor(baseUrl) {
      const stored = entry(baseUrl)
      if (!stored || !mayCarryKey(baseUrl)) return null
      if (!stored.encrypted) return stored.value
      // Sealed by the app's keychain: plain Node (the CLI) cannot open it.
      if (!box.available) return null
      try {
        return box.decrypt(stored.value)
      } catch {
        return null
      }
    },
    set(baseUrl, key) {
      const origin = new URL(baseUrl).origin
      const keys = read()
      if (key === null) delete keys[origin]
      else keys[origin] = seal(key)
      write(keys)
    },
    storageFor(baseUrl) {
      const stored = entry(baseUrl)
      return stored === null ? 'none' : stored.encrypted ? 'encrypted' : 'unencrypted'
    },
  }
}
