import zlib from 'node:zlib'

/**
 * What the host stores of an upload: the bytes of one well-formed JPEG, PNG or WebP image, judged by its structure
 * rather than its name or first bytes. A file is refused when it is none of these, when its structure is broken, or
 * when a metadata segment (JPEG APPn/COM, PNG text and other ancillary chunks, WebP metadata chunks) or bytes after
 * the image carry markup or script — the shape of an image/HTML polyglot. Anything appended after the image's end
 * without such content (some phones add data there) is dropped, not stored.
 */
export type CheckedImage = { ext: 'jpg' | 'png' | 'webp'; type: 'image/jpeg' | 'image/png' | 'image/webp'; bytes: Buffer }

export function checkImage(bytes: Buffer): CheckedImage | null {
  const found = isJpeg(bytes) ? jpeg(bytes) : isPng(bytes) ? png(bytes) : isWebp(bytes) ? webp(bytes) : null
  if (!found) return null
  const { kind, end, metadata } = found
  if (metadata.some(hasMarkup) || hasMarkup(bytes.subarray(end))) return null
  return { ...KINDS[kind], bytes: end === bytes.length ? bytes : bytes.subarray(0, end) }
}

const KINDS = {
  jpg: { ext: 'jpg', type: 'image/jpeg' },
  png: { ext: 'png', type: 'image/png' },
  webp: { ext: 'webp', type: 'image/webp' },
} as const

type Parsed = { kind: keyof typeof KINDS; end: number; metadata: Buffer[] }

/**
 * Markup a browser would act on. Only tags of three letters and more: metadata also holds compressed bytes (an EXIF
 * thumbnail, an ICC profile), where a short pattern such as `<a ` turns up by chance in about one photo of twenty;
 * the shortest of these (`<img `, `<svg `) in about one 60 KB thumbnail of 100,000. XMP (`<x:xmpmeta`, `<rdf:…`) is
 * not markup here.
 */
const MARKUP = /<(script|html|body|head|iframe|frame|svg|object|embed|meta|link|style|img|form|base|\?php|!doctype)[\s>/]|javascript:|\bon(error|load)\s*=/i

function hasMarkup(part: Buffer): boolean {
  return part.length > 0 && MARKUP.test(part.toString('latin1'))
}

const isJpeg = (b: Buffer) => b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff
const PNG_SIGNATURE = Buffer.from('89504e470d0a1a0a', 'hex')
const isPng = (b: Buffer) => b.subarray(0, 8).equals(PNG_SIGNATURE)
const isWebp = (b: Buffer) => b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP'

/**
 * JPEG: SOI, marker segments (each with its length) up to a frame (SOFn) and a scan (SOS), entropy-coded data (where
 * 0xFF is followed by 0x00 or a restart marker), more segments and scans for progressive images, then EOI.
 */
function jpeg(b: Buffer): Parsed | null {
  const metadata: Buffer[] = []
  let i = 2
  let frame = false
  let scan = false
  while (i + 1 < b.length) {
    if (b[i] !== 0xff) return null
    const marker = b[i + 1]
    if (marker === 0xff) {
      i++ // fill byte
      continue
    }
    if (marker === 0xd9) return frame && scan ? { kind: 'jpg', end: i + 2, metadata } : null
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2
      continue
    }
    if (i + 3 >= b.length) return null
    const length = b.readUInt16BE(i + 2)
    if (length < 2 || i + 2 + length > b.length) return null
    const body = b.subarray(i + 4, i + 2 + length)
    if ((marker >= 0xe0 && marker <= 0xef) || marker === 0xfe) metadata.push(body)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) frame = true
    i += 2 + length
    if (marker === 0xda) {
      if (!frame) return null
      scan = true
      // Entropy-coded data runs to the next marker that is neither a stuffed 0xFF00 nor a restart marker.
      while (i + 1 < b.length && !(b[i] === 0xff && b[i + 1] !== 0x00 && !(b[i + 1] >= 0xd0 && b[i + 1] <= 0xd7))) i++
    }
  }
  return null
}

/** PNG: the signature, IHDR first, chunks whose lengths and CRCs hold, at least one IDAT, and IEND. */
function png(b: Buffer): Parsed | null {
  const metadata: Buffer[] = []
  let i = 8
  let first = true
  let data = false
  while (i + 12 <= b.length) {
    const length = b.readUInt32BE(i)
    const type = b.toString('latin1', i + 4, i + 8)
    if (!/^[A-Za-z]{4}$/.test(type) || length > b.length - i - 12) return null
    const body = b.subarray(i + 8, i + 8 + length)
    if (zlib.crc32(b.subarray(i + 4, i + 8 + length)) !== b.readUInt32BE(i + 8 + length)) return null
    if (first ? type !== 'IHDR' || length !== 13 : type === 'IHDR') return null
    first = false
    if (type === 'IDAT') data = true
    else if (type === 'IEND') return data ? { kind: 'png', end: i + 12 + length, metadata } : null
    // Ancillary chunks (lower-case first letter: tEXt, iTXt, zTXt, eXIf, …) are the ones that can carry text.
    else if (type[0] === type[0].toLowerCase()) metadata.push(type === 'zTXt' || type === 'iTXt' ? inflated(type, body) : body)
    i += 12 + length
  }
  return null
}

/** The text of a compressed text chunk (what a reader would show), or its raw bytes when it does not inflate. */
function inflated(type: string, body: Buffer): Buffer {
  const keywordEnd = body.indexOf(0)
  if (keywordEnd < 0) return body
  // zTXt: keyword \0 method data; iTXt: keyword \0 compressed-flag method language \0 translated \0 text.
  let start = keywordEnd + 2
  if (type === 'iTXt') {
    if (body[keywordEnd + 1] !== 1) return body
    const language = body.indexOf(0, keywordEnd + 3)
    const translated = language < 0 ? -1 : body.indexOf(0, language + 1)
    if (translated < 0) return body
    start = translated + 1
  }
  try {
    return Buffer.concat([body, zlib.inflateSync(body.subarray(start), { maxOutputLength: 1 << 20 })])
  } catch {
    return body
  }
}

/** WebP: a RIFF container whose size fits, of chunks that fit, the first of which is VP8, VP8L or VP8X. */
function webp(b: Buffer): Parsed | null {
  const riffEnd = 8 + b.readUInt32LE(4)
  if (riffEnd > b.length || riffEnd < 20) return null
  const metadata: Buffer[] = []
  let i = 12
  let first = true
  while (i + 8 <= riffEnd) {
    const type = b.toString('latin1', i, i + 4)
    const length = b.readUInt32LE(i + 4)
    if (i + 8 + length > riffEnd) return null
    if (first && type !== 'VP8 ' && type !== 'VP8L' && type !== 'VP8X') return null
    first = false
    if (type !== 'VP8 ' && type !== 'VP8L' && type !== 'ALPH' && type !== 'ANMF') metadata.push(b.subarray(i + 8, i + 8 + length))
    i += 8 + length + (length % 2)
  }
  return !first && i === riffEnd ? { kind: 'webp', end: riffEnd, metadata } : null
}
