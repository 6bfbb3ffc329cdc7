import Taro from '@tarojs/taro'
import type { PhotoSource } from '@/api/upload'

/**
 * A picked photo kept on the phone across restarts, for a draft. The mini program saves the temp file (Taro.saveFile
 * makes it persistent, within WeChat's 10 MB for saved files) and keeps its path; H5 cannot keep a picked file or its
 * blob: URL, so it keeps a compressed JPEG data URL in storage instead.
 */
export interface PhotoKeeper {
  /** The kept copy (a saved file path or a data URL), or null when it cannot be kept. */
  keep(source: PhotoSource): Promise<string | null>
  /** What to upload from a kept copy. */
  source(kept: string): PhotoSource
  /** The copy is no longer needed (sent or removed). */
  release(kept: string): void
}

/** Longest edge of a photo sent or kept: a phone photo shrinks to about 100–200 KB of JPEG. */
const MAX_EDGE = 1280
const QUALITY = 0.7

/** Small enough as it is: a photo made small once is not drawn again (each JPEG pass loses detail). */
const SMALL_ENOUGH_BYTES = 300 * 1024

/** The photo redrawn at most MAX_EDGE wide or high, or null when it is small already or the browser cannot decode it. */
async function shrunk(file: Blob): Promise<HTMLCanvasElement | null> {
  if (typeof createImageBitmap !== 'function' || file.size <= SMALL_ENOUGH_BYTES) return null
  try {
    const bitmap = await createImageBitmap(file)
    const scale = Math.min(1, MAX_EDGE / Math.max(bitmap.width, bitmap.height))
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(bitmap.width * scale)
    canvas.height = Math.round(bitmap.height * scale)
    const context = canvas.getContext('2d')
    context?.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
    bitmap.close()
    return context ? canvas : null
  } catch {
    // Not an image the browser decodes: left as it is (the upload decides whether it is acceptable).
    return null
  }
}

async function compressed(file: Blob): Promise<string | null> {
  const canvas = await shrunk(file)
  return canvas ? canvas.toDataURL('image/jpeg', QUALITY) : dataUrlOf(file)
}

function dataUrlOf(file: Blob): Promise<string | null> {
  return new Promise((resolve) => {
    const reader = new FileReader()
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : null)
    reader.onerror = () => resolve(null)
    reader.readAsDataURL(file)
  })
}

function blobOf(dataUrl: string): Blob {
  const comma = dataUrl.indexOf(',')
  const type = /^data:([^;,]+)/.exec(dataUrl)?.[1] ?? 'image/jpeg'
  const binary = atob(dataUrl.slice(comma + 1))
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return new Blob([bytes], { type })
}

const h5Keeper: PhotoKeeper = {
  keep: (source) => ('file' in source ? compressed(source.file) : Promise.resolve(null)),
  source: (kept) => ({ file: blobOf(kept), name: 'photo.jpg' }),
  release: () => {},
}

const weappKeeper: PhotoKeeper = {
  async keep(source) {
    if (!('path' in source)) return null
    try {
      const saved = await Taro.saveFile({ tempFilePath: source.path })
      return 'savedFilePath' in saved ? saved.savedFilePath : null
    } catch {
      return null
    }
  },
  source: (kept) => ({ path: kept }),
  release(kept) {
    Taro.removeSavedFile({ filePath: kept }).catch(() => {
      // Already gone: WeChat clears saved files with the mini program's storage.
    })
  },
}

export const photoKeeper: PhotoKeeper = process.env.TARO_ENV === 'h5' ? h5Keeper : weappKeeper

async function compressedH5(source: PhotoSource): Promise<PhotoSource> {
  if (!('file' in source)) return source
  const canvas = await shrunk(source.file)
  const blob = canvas && (await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY)))
  return blob ? { file: blob, name: 'photo.jpg' } : source
}

async function compressedWeapp(source: PhotoSource): Promise<PhotoSource> {
  if (!('path' in source)) return source
  try {
    const { width, height } = await Taro.getImageInfo({ src: source.path })
    const scale = Math.min(1, MAX_EDGE / Math.max(width, height))
    const res = await Taro.compressImage({ src: source.path, quality: QUALITY * 100, compressedWidth: Math.round(width * scale) })
    return { path: res.tempFilePath }
  } catch {
    return source
  }
}

/** A picked photo made small before it is sent (a phone photo of 14 MB becomes a JPEG of a few hundred KB). */
export const compressPhoto: (source: PhotoSource) => Promise<PhotoSource> = process.env.TARO_ENV === 'h5' ? compressedH5 : compressedWeapp
