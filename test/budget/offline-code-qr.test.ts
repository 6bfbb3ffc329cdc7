import { base64urlnopad } from '@scure/base'
import qrcode from 'qrcode-generator'
import { ed25519, nobleSigner, noblePublicKey } from '../../src/core/card/card.token.noble'
import { makeOfflineCode, signOfflineCredential } from '../../src/core/card/offline-code'

/**
 * Budget of the offline card code (issue 14): the card page draws it at 220 CSS px, so its QR version must stay small.
 * The code is base32 in the QR alphanumeric mode at error correction M (the card page's level).
 */
function offlineCode(holderName: string) {
  const device = ed25519.randomSecretKey()
  const credential = signOfflineCredential(
    {
      cardId: '0b8f4d2e-3c1a-4e5f-9a7b-1c2d3e4f5a6b',
      cardType: 'enterprise',
      holderName,
      devicePublicKey: base64urlnopad.encode(noblePublicKey(device)),
      validUntil: new Date(Date.UTC(2026, 10, 29)),
    },
    nobleSigner(ed25519.randomSecretKey()),
  )
  return makeOfflineCode({ credential, deviceSecretKey: base64urlnopad.encode(device), now: new Date(Date.UTC(2026, 10, 22)), nonce: new Uint8Array(8).fill(3) })
}

function version(text: string): number {
  const qr = qrcode(0, 'M')
  qr.addData(text, 'Alphanumeric')
  qr.make()
  return (qr.getModuleCount() - 17) / 4
}

describe('offline card code size', () => {
  it('is QR version 11 for a 10-character name and 12 at the longest (a name cut to 24 units)', () => {
    const typical = offlineCode('威海海川科技有限公司')
    const longest = offlineCode('某'.repeat(80))
    expect(typical).toMatch(/^[A-Z0-9.]+$/)
    expect({ typical: typical.length, longest: longest.length }).toEqual({ typical: 350, longest: 395 })
    expect({ typical: version(typical), longest: version(longest) }).toEqual({ typical: 11, longest: 12 })
  })
})
