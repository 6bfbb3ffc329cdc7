import * as ed from '@noble/ed25519'
import { sha512 } from '@noble/hashes/sha2.js'
import type { SignBytes, VerifyBytes } from './card.token'

// @noble/ed25519 (one audited file, about 16 KB with SHA-512 against 35 KB for @noble/curves) hashes synchronously
// only once it is given a SHA-512; the phone's main package has little room.
ed.hashes.sha512 = sha512

/** Ed25519 in pure JavaScript, for where native crypto is missing: phones (the offline card, a staff phone offline), and tests. */
export const ed25519 = {
  sign: (message: Uint8Array, secretKey: Uint8Array): Uint8Array => ed.sign(message, secretKey),
  // zip215: false is RFC 8032's strict rule: no second valid encoding of the same signature.
  verify: (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean => ed.verify(signature, message, publicKey, { zip215: false }),
  getPublicKey: (secretKey: Uint8Array): Uint8Array => ed.getPublicKey(secretKey),
  /** For tests and tools; a phone draws its key from the platform's secure random source. */
  randomSecretKey: () => new Uint8Array(ed.utils.randomSecretKey()),
}

export function nobleSigner(secretKey: Uint8Array): SignBytes {
  return (message) => ed25519.sign(message, secretKey)
}

export function nobleVerifier(publicKey: Uint8Array): VerifyBytes {
  return (signature, message) => ed25519.verify(signature, message, publicKey)
}

export function noblePublicKey(secretKey: Uint8Array): Uint8Array {
  return ed25519.getPublicKey(secretKey)
}
