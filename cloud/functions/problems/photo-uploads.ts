import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm'
import { fail, type Failure } from '../../../src/core/errors'
import { uploads } from '../../db/schema'
import { isDocumentKey } from '../../platform/pdf-check'
import type { Db, Tx } from '../../db/store'
import type { Services } from '../action'
import { inTransaction } from '../transaction'

/** At most this many uploads per user and rolling hour. */
export const UPLOADS_PER_HOUR = 30
/** At most this many bytes of a user's uploads no problem refers to yet. */
export const UNREFERENCED_BYTES = 200 * 1024 * 1024
/** Uploads no problem refers to are removed this long after they were made. */
export const UNREFERENCED_KEEP_MS = 24 * 3600_000

const HOUR_MS = 3600_000

/**
 * Records a checked upload of `ownerId` and writes its file, within the owner's hourly rate and unreferenced quota.
 * The owner's uploads are counted under a transaction-scoped advisory lock on the owner, so parallel uploads (on one
 * host or several) cannot slip past the limits together. A failure writes nothing.
 */
export async function recordUpload(
  db: Db,
  upload: { key: string; ownerId: string; size: number; contentType: string; now: Date },
  write: () => void,
): Promise<Failure | null> {
  return inTransaction(db, async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`uploads:${upload.ownerId}`}))`)
    const [usage] = await tx
      .select({
        lastHour: sql<number>`count(*) FILTER (WHERE ${uploads.createdAt} > ${new Date(upload.now.getTime() - HOUR_MS)})`.mapWith(Number),
        unreferenced: sql<number>`coalesce(sum(${uploads.size}) FILTER (WHERE ${uploads.referencedAt} IS NULL), 0)`.mapWith(Number),
      })
      .from(uploads)
      .where(eq(uploads.ownerId, upload.ownerId))
    if (usage.lastHour >= UPLOADS_PER_HOUR) {
      return fail('RATE_LIMITED', `上传太频繁：每小时最多上传${UPLOADS_PER_HOUR}张图片，请稍后再试`)
    }
    if (usage.unreferenced + upload.size > UNREFERENCED_BYTES) {
      return fail('PAYLOAD_TOO_LARGE', `已上传但未提交的图片超过${UNREFERENCED_BYTES / 1024 / 1024}MB：请先提交诉求，未提交的图片一天后自动清理`)
    }
    await tx.insert(uploads).values({ key: upload.key, ownerId: upload.ownerId, size: upload.size, contentType: upload.contentType, createdAt: upload.now })
    // Written last: if the file cannot be written, the row goes with the transaction; if the commit fails after it,
    // the file has no row and the uploads job removes it after a day.
    write()
    return null
  })
}

/** The stored type of a local upload (what the host serves it as), or null when no such upload is recorded. */
export async function uploadType(db: Db, key: string): Promise<string | null> {
  const [row] = await db.select({ contentType: uploads.contentType }).from(uploads).where(eq(uploads.key, key))
  return row?.contentType ?? null
}

const PHOTO_REFUSED = () => fail('PHOTO_NOT_FOUND')

/**
 * A cloud file id the caller may attach: the mini program stores photos under `problems/<user id>/` in cloud storage,
 * so the path names its uploader. Cloud storage is not asked whether the file exists (the functions have no cheap
 * way to), and the prefix is chosen by the client: it keeps a user from attaching another user's photos, but a file
 * id under the caller's own folder that was never uploaded is accepted (the problem then shows a broken image).
 */
function ownCloudKey(key: string, userId: string): boolean {
  const parts = key.split('/')
  return parts.length === 6 && parts[0] === 'cloud:' && parts[1] === '' && parts[3] === 'problems' && parts[4] === userId
}

/**
 * The photos of a new problem must be the caller's own uploads: a local key recorded as theirs (its row locked until
 * the transaction ends, so the cleanup job cannot remove it meanwhile), or a cloud file id under their folder. Keys
 * that do not exist and keys of someone else answer alike (PHOTO_NOT_FOUND), so the answer tells nothing about
 * other users' photos.
 */
export async function checkPhotos(tx: Tx, userId: string, keys: readonly string[], documents = false): Promise<Failure | null> {
  // A problem's photos are images; PDF documents are for policies' attachments (`documents`).
  if (!documents && keys.some(isDocumentKey)) return PHOTO_REFUSED()
  const local = keys.filter((key) => key.startsWith('uploads/'))
  if (keys.some((key) => !key.startsWith('uploads/') && !ownCloudKey(key, userId))) return PHOTO_REFUSED()
  if (local.length === 0) return null
  const rows = await tx
    .select({ key: uploads.key })
    .from(uploads)
    .where(and(inArray(uploads.key, local), eq(uploads.ownerId, userId)))
    .for('update')
  return rows.length === new Set(local).size ? null : PHOTO_REFUSED()
}

/**
 * Marks the (checked) photos as referred to by a problem, or by a policy's attachments when `problemId` is null: kept
 * from then on. Cloud file ids are recorded here.
 */
export async function referencePhotos(tx: Tx, userId: string, keys: readonly string[], problemId: string | null, now: Date): Promise<void> {
  if (keys.length === 0) return
  const cloud = keys.filter((key) => !key.startsWith('uploads/'))
  if (cloud.length > 0) {
    await tx
      .insert(uploads)
      .values(cloud.map((key) => ({ key, ownerId: userId, createdAt: now, referencedAt: now, problemId })))
      .onConflictDoNothing({ target: uploads.key })
  }
  await tx
    .update(uploads)
    .set({ referencedAt: sql`coalesce(${uploads.referencedAt}, ${now})`, problemId: sql`coalesce(${uploads.problemId}, ${problemId}::uuid)` })
    .where(and(inArray(uploads.key, [...keys]), eq(uploads.ownerId, userId)))
}

const BATCH = 500

/**
 * The `uploads` job: removes the host's uploads no problem referred to within a day, and files in the uploads folder
 * with no record that are as old (left by a crash between writing and recording, or uploaded before the table
 * existed). Safe on several hosts sharing the folder: each batch of rows is claimed with SKIP LOCKED and deleted, and
 * their files unlinked, in one transaction, so a row is removed by one host only, and a host sweeping for unrecorded
 * files still sees the row until its file is gone. Counts rows removed plus unrecorded files this host unlinked.
 * Nothing to do where photos live in cloud storage (no local files).
 */
export async function removeUnreferencedUploads(services: Pick<Services, 'db' | 'uploadFiles'>, now: Date): Promise<number> {
  const files = services.uploadFiles
  if (!files) return 0
  const cutoff = new Date(now.getTime() - UNREFERENCED_KEEP_MS)
  let removed = 0
  for (;;) {
    const keys = await services.db.transaction(async (tx) => {
      const claimed = tx
        .select({ key: uploads.key })
        .from(uploads)
        .where(and(isNull(uploads.referencedAt), lt(uploads.createdAt, cutoff), sql`${uploads.key} LIKE 'uploads/%'`))
        .limit(BATCH)
        .for('update', { skipLocked: true })
      const deleted = await tx.delete(uploads).where(inArray(uploads.key, claimed)).returning({ key: uploads.key })
      for (const { key } of deleted) files.remove(key)
      return deleted.map((row) => row.key)
    })
    removed += keys.length
    if (keys.length < BATCH) break
  }
  // Files are aged by their own time stamps (the file system's clock, not the services' clock).
  const old = files.writtenBefore(new Date(Date.now() - UNREFERENCED_KEEP_MS))
  for (let i = 0; i < old.length; i += BATCH) {
    const batch = old.slice(i, i + BATCH)
    const recorded = new Set((await services.db.select({ key: uploads.key }).from(uploads).where(inArray(uploads.key, batch))).map((row) => row.key))
    for (const key of batch) if (!recorded.has(key) && files.remove(key)) removed++
  }
  return removed
}
