import { createPublicKey, verify } from 'node:crypto'
import type { VerifyWithKey } from '../../src/core/card/offline-code.format'

/** The SubjectPublicKeyInfo header of a raw Ed25519 key (RFC 8410), which is what node:crypto reads. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex')

/** Ed25519 verification by any raw public key (a holder's device key), natively: the offline code's two checks. */
export const verifyWithKey: VerifyWithKey = (publicKey, signature, message) => {
  if (publicKey.length !== 32) return false
  const key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, publicKey]), format: 'der', type: 'spki' })
  return verify(null, message, key, signature)
}
