import type { SafeStorage } from 'electron'

import type { SecretBox } from '../ll2/api-key-store'

/** The part of Electron's `safeStorage` the box uses. */
export type SafeStorageLike = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString'
> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>

/**
 * A SecretBox over Electron's `safeStorage` (Keychain, DPAPI, libsecret/kwallet).
 *
 * `available` is asked each time: safeStorage answers only after the app is
 * ready, and on Linux without a keyring it stays false, where the caller
 * must say the key is kept unencrypted or not kept at all.
 */
export function secretBoxFrom(safeStorage: SafeStorageLike): SecretBox {
  // Linux without a keyring gives safeStorage a fixed password: that is not encryption.
  const isAvailable = () =>
    safeStorage.isEncryptionAvailable() &&
    !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text')
  const unavailable = () =>
    new Error('The system keychain is not available, so the secret cannot be encrypted.')
  return {
    get available() {
      return isAvailable()
    },
    encrypt(plain) {
      if (!isAvailable()) throw unavailable()
      return safeStorage.encryptString(plain).toString('base64')
    },
    decrypt(cipher) {
      if (!isAvailable()) throw unavailable()
      return safeStorage.decryptString(Buffer.from(cipher, 'base64'))
    },
  }
}
