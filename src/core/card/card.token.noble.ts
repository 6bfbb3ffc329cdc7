import { ed25519 } from '@noble/curves/ed25519.js'
import type { SignBytes, VerifyBytes } from './card.token'

/** Ed25519 in pure JavaScript, for where native crypto is missing: a staff phone verifying offline, and tests. */
export function nobleSigner(secretKey: Uint8Array): SignBytes {
  return (message) => ed25519.sign(message, secretKey)
}

export function nobleVerifier(publicKey: Uint8Array): VerifyBytes {
  // zip215: false is RFC 8032's strict rule: no second valid encoding of the same signature.
  return (signature, message) => ed25519.verify(signature, message, publicKey, { zip215: false })
}

export function noblePublicKey(secretKey: Uint8Array): Uint8Array {
  return ed25519.getPublicKey(secretKey)
}
