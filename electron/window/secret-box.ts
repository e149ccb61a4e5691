import type { SafeStorage } from 'electron'

/** Encrypts short secrets (the LL2 API key) for storage at rest. */
export interface SecretBox {
  /** False where the OS offers no keychain; then encrypt and decrypt throw. */
  readonly available: boolean
  /** Ciphertext as base64. */
  encrypt(plain: string): string
  /** The plain text of `encrypt`'s base64 output. */
  decrypt(cipher: string): string
}

/** The part of Electron's `safeStorage` the box uses. */
export type SafeStorageLike = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString'
>

/**
 * A SecretBox over Electron's `safeStorage` (Keychain, DPAPI, libsecret/kwallet).
 *
 * `available` is asked each time: safeStorage answers only after the app is
 * ready, and on Linux without a keyring it stays false, where the caller
 * must say the key is kept unencrypted or not kept at all.
 */
export function secretBoxFrom(safeStorage: SafeStorageLike): SecretBox {
  const unavailable = () =>
    new Error('The system keychain is not available, so the secret cannot be encrypted.')
  return {
    get available() {
      return safeStorage.isEncryptionAvailable()
    },
    encrypt(plain) {
      if (!safeStorage.isEncryptionAvailable()) throw unavailable()
      return safeStorage.encryptString(plain).toString('base64')
    },
    decrypt(cipher) {
      if (!safeStorage.isEncryptionAvailable()) throw unavailable()
      return safeStorage.decryptString(Buffer.from(cipher, 'base64'))
    },
  }
}
