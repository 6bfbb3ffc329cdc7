import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/** Images people attach to problems; anything else is refused. The kind is read from the bytes, not the name. */
const SIGNATURES: Array<{ ext: string; type: string; matches: (b: Buffer) => boolean }> = [
  { ext: 'jpg', type: 'image/jpeg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { ext: 'png', type: 'image/png', matches: (b) => b.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex')) },
  { ext: 'webp', type: 'image/webp', matches: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
]

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024
const KEY_SHAPE = /^uploads\/[0-9a-f-]{36}\.(jpg|png|webp)$/

/**
 * Local photo storage for the host: files under `<dataDir>/uploads`, named by a random id so a key cannot be guessed.
 * In the WeChat cloud the mini program uploads to cloud storage itself and sends `cloud://` file ids instead.
 */
export function localUploads(dataDir: string) {
  const folder = path.join(dataDir, 'uploads')
  return {
    /** Stores an image and returns its key, or null when the bytes are not a JPEG, PNG or WebP image. */
    save(bytes: Buffer): string | null {
      const kind = SIGNATURES.find((s) => s.matches(bytes))
      if (!kind) return null
      fs.mkdirSync(folder, { recursive: true })
      const key = `uploads/${randomUUID()}.${kind.ext}`
      fs.writeFileSync(path.join(dataDir, key), bytes)
      return key
    },
    /** The file and content type of a stored key, or null. */
    open(key: string): { file: string; type: string } | null {
      if (!KEY_SHAPE.test(key)) return null
      const file = path.join(dataDir, key)
      if (!fs.existsSync(file)) return null
      const ext = key.slice(key.lastIndexOf('.') + 1)
      return { file, type: SIGNATURES.find((s) => s.ext === ext)!.type }
    },
  }
}

export type LocalUploads = ReturnType<typeof localUploads>

const HOUR_S = 3600

/**
 * Expiring links to local photos: the key plus `exp` (seconds) and an HMAC of both under the host's session secret, so
 * only someone who was just shown the problem holds a working link, and a link that leaks stops working. A link lives
 * until the end of the next whole hour (one to two hours), so it stays the same, and cacheable, within an hour.
 * Keys of other stores (cloud:// file ids) pass through unchanged: cloud storage guards those.
 */
export function photoLinks(secret: string) {
  const mac = (key: string, exp: number) => createHmac('sha256', secret).update(`photo:${key}:${exp}`).digest('base64url')
  return {
    sign(key: string, now: Date): string {
      if (!KEY_SHAPE.test(key)) return key
      const exp = (Math.floor(now.getTime() / 1000 / HOUR_S) + 2) * HOUR_S
      return `${key}?exp=${exp}&sig=${mac(key, exp)}`
    },
    /** Whether a request for `key` carries a link signed for it that has not expired. */
    verify(key: string, exp: unknown, sig: unknown, now: Date): boolean {
      if (typeof exp !== 'string' || typeof sig !== 'string' || !/^\d{1,12}$/.test(exp)) return false
      if (Number(exp) * 1000 <= now.getTime()) return false
      const expected = Buffer.from(mac(key, Number(exp)))
      const given = Buffer.from(sig)
      return given.length === expected.length && timingSafeEqual(given, expected)
    },
  }
}

export type PhotoLinks = ReturnType<typeof photoLinks>
