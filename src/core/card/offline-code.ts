import type { Result } from '../errors'
import { ed25519 } from './card.token.noble'
import { makeOfflineCodeWith, verifyOfflineCodeWith, type OfflineCardView, type OfflineVerifyKit } from './offline-code.format'

export * from './offline-code.format'

/** The card's offline code as a phone makes and checks it, Ed25519 in pure JavaScript (see offline-code.format.ts). */
export function makeOfflineCode(input: { credential: string; deviceSecretKey: string; now: Date; nonce: Uint8Array }): string {
  return makeOfflineCodeWith(input, (message, secretKey) => ed25519.sign(message, secretKey))
}

export function verifyOfflineCode(code: string, kit: OfflineVerifyKit, now: Date): Result<OfflineCardView> {
  return verifyOfflineCodeWith(code, kit, now, (publicKey, signature, message) => ed25519.verify(signature, message, publicKey))
}
