import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { MAX_PHOTO_BYTES } from '../../src/core/problem/problem.limits'
import { checkImage } from './image-check'
import { checkPdf } from './pdf-check'

const TYPES: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp', pdf: 'application/pdf' }

export const MAX_UPLOAD_BYTES = MAX_PHOTO_BYTES
export const LOCAL_KEY_SHAPE = /^uploads\/[0-9a-f-]{36}\.(jpg|png|webp|pdf)$/
const KEY_SHAPE = LOCAL_KEY_SHAPE

/**
 * Local photo storage for the host: files under `<dataDir>/uploads`, named by a random id so a key cannot be guessed.
 * In the WeChat cloud the mini program uploads to cloud storage itself and sends `cloud://` file ids instead.
 * Who uploaded what is recorded in the database (table `uploads`) by the upload route.
 */
export function localUploads(dataDir: string) {
  const folder = path.join(dataDir, 'uploads')
  return {
    /**
     * Checks an upload by its content (cloud/platform/image-check.ts, pdf-check.ts) and answers what would be stored —
     * key, the bytes kept and their type — or null when it is not a well-formed JPEG, PNG or WebP image or PDF document
     * (PDFs are for policies' attachments; problems take images only). Nothing is written yet.
     */
    prepare(bytes: Buffer): { key: string; bytes: Buffer; type: string } | null {
      const image = checkImage(bytes) ?? checkPdf(bytes)
      if (!image) return null
      return { key: `uploads/${randomUUID()}.${image.ext}`, bytes: image.bytes, type: image.type }
    },
    /** Writes a prepared upload. */
    write(key: string, bytes: Buffer): void {
      if (!KEY_SHAPE.test(key)) throw new Error(`not an upload key: ${key}`)
      fs.mkdirSync(folder, { recursive: true })
      fs.writeFileSync(path.join(dataDir, key), bytes, { flag: 'wx' })
    },
    /** The file and content type of a stored key, or null. */
    open(key: string): { file: string; type: string } | null {
      if (!KEY_SHAPE.test(key)) return null
      const file = path.join(dataDir, key)
      if (!fs.existsSync(file)) return null
      return { file, type: TYPES[key.slice(key.lastIndexOf('.') + 1)] }
    },
    /** Deletes a stored file; true when this call deleted it (so several hosts sharing the folder count it once). */
    remove(key: string): boolean {
      if (!KEY_SHAPE.test(key)) return false
      try {
        fs.unlinkSync(path.join(dataDir, key))
        return true
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
        throw error
      }
    },
    /** Keys of the stored files last written before `before`. */
    writtenBefore(before: Date): string[] {
      let names: string[]
      try {
        names = fs.readdirSync(folder)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
        throw error
      }
      return names
        .map((name) => `uploads/${name}`)
        .filter((key) => KEY_SHAPE.test(key) && (fs.statSync(path.join(dataDir, key), { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < before.getTime())
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
