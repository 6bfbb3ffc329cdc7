import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import { eq, sql } from 'drizzle-orm'
import { Client } from 'pg'
import { readConfig } from '../../cloud/config'
import { seedDemo } from '../../cloud/db/seed'
import { uploads as uploadsTable, users } from '../../cloud/db/schema'
import { openStore, type Store } from '../../cloud/db/store'
import { recordUpload, removeUnreferencedUploads, UPLOADS_PER_HOUR } from '../../cloud/functions/problems/photo-uploads'
import { localUploads, photoLinks } from '../../cloud/platform/uploads'
import { checkImage } from '../../cloud/platform/image-check'
import { apiClient, type ApiClient } from '../support/api'
import { createDatabase, startHost, storesUnderTest, TEST_SESSION_SECRET, type RunningHost, type StoreKind } from '../support/host'
import { JPEG, PNG, uploadedKey, uploadPhoto, WEBP } from '../support/images'
import { describeOnPostgres } from '../support/postgres-suite'

jest.setTimeout(180_000)

const ROOT = path.resolve(__dirname, '../..')

/** A JPEG with a comment segment (COM) inserted right after its start marker. */
const jpegWithComment = (text: string) => {
  const body = Buffer.from(text, 'latin1')
  const segment = Buffer.concat([Buffer.from([0xff, 0xfe, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body])
  return Buffer.concat([JPEG.subarray(0, 2), segment, JPEG.subarray(2)])
}

/** A PNG with a tEXt chunk before IEND (CRC computed). */
const pngWithText = (text: string) => {
  const data = Buffer.concat([Buffer.from('tEXt'), Buffer.from(`Comment\0${text}`, 'latin1')])
  const chunk = Buffer.alloc(data.length + 8)
  chunk.writeUInt32BE(data.length - 4, 0)
  data.copy(chunk, 4)
  chunk.writeUInt32BE(zlib.crc32(data), data.length + 4)
  const iend = PNG.length - 12
  return Buffer.concat([PNG.subarray(0, iend), chunk, PNG.subarray(iend)])
}

describe('photo uploads on the local host', () => {
  let host: RunningHost
  let token: string
  beforeAll(async () => {
    host = await startHost('pglite')
    token = await apiClient(host.url).login('holder-demo')
  })
  afterAll(() => host?.stop())

  const upload = (bytes: Buffer, auth: string | null = token, name = 'photo.png') => uploadPhoto(host.url, auth, bytes, name)

  it('stores an image under an unguessable key and serves it back through an expiring signed link, never sniffed', async () => {
    const res = await upload(PNG)
    expect(res.status).toBe(200)
    const { data } = await res.json()
    expect(data.key).toMatch(/^uploads\/[0-9a-f-]{36}\.png$/)
    const back = await fetch(`${host.url}${data.url}`)
    expect(back.headers.get('content-type')).toBe('image/png')
    expect(back.headers.get('x-content-type-options')).toBe('nosniff')
    expect(Buffer.from(await back.arrayBuffer())).toEqual(PNG)
    expect(data.url).toMatch(/^\/uploads\/[0-9a-f-]{36}\.png\?exp=\d+&sig=[\w-]{43}$/)

    // JPEG and WebP too, each served as the type its bytes were found to be, whatever the file was called.
    for (const [bytes, type] of [
      [JPEG, 'image/jpeg'],
      [WEBP, 'image/webp'],
    ] as const) {
      const stored = (await (await upload(bytes, token, 'picture.png')).json()).data
      const served = await fetch(`${host.url}${stored.url}`)
      expect([served.status, served.headers.get('content-type'), served.headers.get('x-content-type-options')]).toEqual([200, type, 'nosniff'])
    }

    // The bare key, a forged signature, a signature moved to another photo or an expiry pushed later: all refused.
    const link = new URL(`${host.url}${data.url}`)
    const exp = link.searchParams.get('exp')!
    const sig = link.searchParams.get('sig')!
    const status = async (path: string) => (await fetch(`${host.url}${path}`)).status
    expect(await status(`/${data.key}`)).toBe(403)
    expect(await status(`/${data.key}?exp=${exp}&sig=${sig.slice(0, -2)}AA`)).toBe(403)
    expect(await status(`/${data.key}?exp=${Number(exp) + 3600}&sig=${sig}`)).toBe(403)
    const other = (await (await upload(PNG)).json()).data
    expect(await status(`/${other.key}?exp=${exp}&sig=${sig}`)).toBe(403)
    expect(await fetch(`${host.url}/${data.key}`).then((r) => r.json())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } })
  })

  it('judges the kind by the bytes, refuses strangers, oversize files and path tricks', async () => {
    const script = await upload(Buffer.from('<script>alert(1)</script>'), token, 'evil.png')
    expect(script.status).toBe(400)
    expect(await script.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    expect((await upload(PNG, null)).status).toBe(401)
    const huge = await upload(Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]))
    expect(huge.status).toBe(413)
    // Without a link signed for them, names are refused before the store is asked.
    expect((await fetch(`${host.url}/uploads/..%2Fsecrets.json`)).status).toBe(403)
    expect((await fetch(`${host.url}/uploads/not-a-key.png`)).status).toBe(403)
  })

  it('refuses polyglots: an image whose metadata or tail carries markup, an HTML page named .jpg, a broken image', async () => {
    const refused = async (bytes: Buffer, name: string) => {
      const res = await upload(bytes, token, name)
      return [res.status, (await res.json()).error?.code]
    }
    const html = Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>')
    expect(await refused(html, 'photo.jpg')).toEqual([400, 'VALIDATION_FAILED'])
    // JPEG magic bytes first, then a page in a comment segment (what a magic-byte check alone lets through).
    expect(await refused(jpegWithComment('<html><script>alert(1)</script></html>'), 'photo.jpg')).toEqual([400, 'VALIDATION_FAILED'])
    expect(await refused(Buffer.concat([JPEG, html]), 'photo.jpg')).toEqual([400, 'VALIDATION_FAILED'])
    expect(await refused(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), html]), 'photo.jpg')).toEqual([400, 'VALIDATION_FAILED'])
    expect(await refused(pngWithText('<svg onload=alert(1)>'), 'photo.png')).toEqual([400, 'VALIDATION_FAILED'])
    expect(await refused(Buffer.concat([WEBP, html]), 'photo.webp')).toEqual([400, 'VALIDATION_FAILED'])
    const badCrc = Buffer.from(PNG)
    badCrc[PNG.length - 20] ^= 0xff
    expect(await refused(badCrc, 'photo.png')).toEqual([400, 'VALIDATION_FAILED'])
    expect(await refused(JPEG.subarray(0, JPEG.length - 40), 'photo.jpg')).toEqual([400, 'VALIDATION_FAILED'])

    // Harmless text in a comment is fine; bytes after the image's end (some phones add them) are not stored.
    expect((await upload(jpegWithComment('拍摄于张村镇'), token, 'photo.jpg')).status).toBe(200)
    const tailed = (await (await upload(Buffer.concat([JPEG, Buffer.from('trailer of a camera')]), token, 'photo.jpg')).json()).data
    expect(Buffer.from(await (await fetch(`${host.url}${tailed.url}`)).arrayBuffer())).toEqual(JPEG)
  })
})

describe('the image check', () => {
  it('accepts the fixtures and finds the end of each image', () => {
    expect(checkImage(PNG)).toMatchObject({ ext: 'png', type: 'image/png', bytes: PNG })
    expect(checkImage(JPEG)).toMatchObject({ ext: 'jpg', type: 'image/jpeg', bytes: JPEG })
    expect(checkImage(WEBP)).toMatchObject({ ext: 'webp', type: 'image/webp', bytes: WEBP })
    // XMP metadata is XML, not markup a browser runs.
    expect(checkImage(jpegWithComment('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF></rdf:RDF></x:xmpmeta>'))?.ext).toBe('jpg')
    expect(checkImage(Buffer.alloc(0))).toBeNull()
  })
})

const at = (instant: string) => new Date(instant)
/** Monday 12 October 2026, 09:00 in Shanghai; a day and an hour later the uploads of that morning may go. */
const T0 = '2026-10-12T09:00:00+08:00'
const T1 = '2026-10-13T10:00:00+08:00'

/** `npm run job -- <job>` as a person would run it, with the host's environment. */
async function runJobCommand(job: string, env: Record<string, string>): Promise<string> {
  const { stdout } = await promisify(execFile)(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'cloud/host/job.ts'), job], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '', ...env },
    timeout: 90_000,
  })
  return stdout.trim()
}

describe.each(storesUnderTest())('photos of problems through the host on %s', (store: StoreKind) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ldz-photos-'))
  let database: { url: string; drop(): Promise<void> } | null = null
  let host: RunningHost | null = null
  let api: ApiClient
  const t: Record<string, string> = {}
  const userId: Record<string, string> = {}
  let idem = 0
  const USERS = ['holder-demo', 'holder-other', 'staff-demo', 'commissioner-demo', 'admin-demo']

  const env = () => ({ DATA_DIR: dataDir, ...(database ? { DATABASE_URL: database.url } : {}), RATE_LIMIT_PER_MINUTE: '100000' })
  async function boot(clockStart: string) {
    host = await startHost(store, { ...env(), CLOCK_START: clockStart })
    api = apiClient(host.url)
    for (const user of USERS) t[user] = await api.login(user)
  }
  async function halt() {
    await host?.stop()
    host = null
  }
  /** SQL on the store with no host holding it (PGlite: one process per folder). */
  async function query(statement: string): Promise<Array<Record<string, unknown>>> {
    if (database) {
      const client = new Client({ connectionString: database.url })
      await client.connect()
      try {
        return (await client.query(statement)).rows
      } finally {
        await client.end()
      }
    }
    const { stdout } = await promisify(execFile)(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'test/support/pglite-query.ts'), dataDir, statement], {
      cwd: ROOT,
      timeout: 60_000,
    })
    return JSON.parse(stdout)[0]
  }

  const submit = (user: string, photos: string[]) =>
    api.call('problems', 'submit', { category: 'land', title: '厂区道路破损', description: '厂区门口道路破损严重，请协调修复', idempotencyKey: `photos-${store}-${++idem}`, photos }, t[user])
  const fileOf = (key: string) => path.join(dataDir, key)
  /** A link to a photo as a view at `instant` would carry it. */
  const served = async (key: string, instant: string) => (await fetch(`${host!.url}/${photoLinks(TEST_SESSION_SECRET).sign(key, at(instant))}`)).status

  const kept: Record<string, string> = {}
  const doomed: string[] = []

  beforeAll(async () => {
    if (store === 'postgres') database = await createDatabase()
    await boot(T0)
    for (const user of USERS) userId[user] = (await api.data('auth', 'me', {}, t[user])).user.id
  })
  afterAll(async () => {
    await halt()
    await database?.drop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('refuses another user’s upload and keys that do not exist with the same answer, and takes one’s own', async () => {
    const mine = await uploadedKey(host!.url, t['holder-demo'])
    const theirs = await uploadedKey(host!.url, t['holder-other'], JPEG)
    doomed.push(theirs)

    const stolen = await submit('holder-demo', [mine, theirs])
    expect(stolen.status).toBe(404)
    expect(stolen.body).toEqual({ ok: false, error: { code: 'PHOTO_NOT_FOUND', message: expect.stringMatching(/图片不存在/) } })
    // A key never uploaded answers word for word the same, so the answer tells nothing about other people's photos.
    expect(await submit('holder-demo', [`uploads/${randomUUID()}.png`])).toEqual(stolen)
    expect(await submit('holder-demo', [`uploads/${randomUUID()}.jpg`, mine])).toEqual(stolen)

    const taken = await submit('holder-demo', [mine])
    expect(taken.status).toBe(200)
    const detail = await api.data('problems', 'get', { id: (taken.body as { data: { id: string } }).data.id }, t['holder-demo'])
    const photo = await fetch(`${host!.url}/${detail.photos[0]}`)
    expect([photo.status, photo.headers.get('content-type'), photo.headers.get('x-content-type-options')]).toEqual([200, 'image/png', 'nosniff'])
    // Once attached it stays its uploader's: nobody else can attach it to their own problem.
    expect(await submit('holder-other', [mine])).toEqual(stolen)
    kept.referenced = mine
  })

  it('accepts cloud file ids only under the caller’s own folder of cloud storage', async () => {
    const own = `cloud://prod-7g1a.7072-prod-7g1a-1320000000/problems/${userId['holder-demo']}/m1x2k3abc.jpg`
    const ok = await submit('holder-demo', [own])
    expect(ok.status).toBe(200)
    const detail = await api.data('problems', 'get', { id: (ok.body as { data: { id: string } }).data.id }, t['holder-demo'])
    expect(detail.photos).toEqual([own])
    for (const key of [
      `cloud://prod-7g1a.7072-prod-7g1a-1320000000/problems/${userId['holder-other']}/m1x2k3abc.jpg`,
      'cloud://prod-7g1a.7072-prod-7g1a-1320000000/problems/m1x2k3abc.jpg',
      `cloud://prod-7g1a.7072-prod-7g1a-1320000000/other/${userId['holder-demo']}/m1x2k3abc.jpg`,
    ]) {
      expect((await submit('holder-demo', [key])).body).toMatchObject({ ok: false, error: { code: 'PHOTO_NOT_FOUND' } })
    }
  })

  it(`takes at most ${UPLOADS_PER_HOUR} uploads per user and hour`, async () => {
    for (let i = 0; i < UPLOADS_PER_HOUR; i++) doomed.push(await uploadedKey(host!.url, t['commissioner-demo']))
    const over = await uploadPhoto(host!.url, t['commissioner-demo'], PNG)
    expect(over.status).toBe(429)
    expect(await over.json()).toEqual({ ok: false, error: { code: 'RATE_LIMITED', message: `上传太频繁：每小时最多上传${UPLOADS_PER_HOUR}张图片，请稍后再试` } })
    // Another user is not affected.
    doomed.push(await uploadedKey(host!.url, t['staff-demo']))
  })

  it('records each upload with its owner, size and checked type, and marks the attached ones referenced', async () => {
    await halt()
    const rows = await query(
      `SELECT u.key, u.owner_id, u.size, u.content_type, u.referenced_at IS NOT NULL AS referenced, u.problem_id IS NOT NULL AS attached FROM uploads u ORDER BY u.created_at, u.key`,
    )
    const byKey = new Map(rows.map((row) => [row.key as string, row]))
    expect(byKey.get(kept.referenced)).toEqual({ key: kept.referenced, owner_id: userId['holder-demo'], size: PNG.length, content_type: 'image/png', referenced: true, attached: true })
    expect(byKey.get(doomed[0])).toMatchObject({ owner_id: userId['holder-other'], size: JPEG.length, content_type: 'image/jpeg', referenced: false, attached: false })
    expect(rows.filter((row) => row.owner_id === userId['commissioner-demo'])).toHaveLength(UPLOADS_PER_HOUR)
    expect(rows.filter((row) => (row.key as string).startsWith('cloud://'))).toEqual([
      expect.objectContaining({ owner_id: userId['holder-demo'], size: null, content_type: null, referenced: true, attached: true }),
    ])

    // holder-other has 200 MB waiting that no problem refers to (a row of that size, as of the first morning).
    await query(
      `INSERT INTO uploads (key, owner_id, size, content_type, created_at) VALUES ('uploads/${randomUUID()}.jpg', '${userId['holder-other']}', ${200 * 1024 * 1024}, 'image/jpeg', '${T0}')`,
    )
    // Files the table does not know: one left two days ago (a crash between writing and recording), one just now.
    const strayOld = `uploads/${randomUUID()}.png`
    fs.writeFileSync(fileOf(strayOld), PNG)
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600_000)
    fs.utimesSync(fileOf(strayOld), twoDaysAgo, twoDaysAgo)
    doomed.push(strayOld)
    kept.strayNew = `uploads/${randomUUID()}.png`
    fs.writeFileSync(fileOf(kept.strayNew), PNG)
  })

  it('keeps unreferenced uploads a day, within a quota of 200 MB per user, and then removes only those', async () => {
    // A day and an hour later, with the host's scheduler off: nothing was removed at start.
    await boot(T1)
    for (const key of doomed) expect(fs.existsSync(fileOf(key))).toBe(true)
    expect(await served(doomed[0], T1)).toBe(200)

    const full = await uploadPhoto(host!.url, t['holder-other'], PNG)
    expect(full.status).toBe(413)
    expect(await full.json()).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/^已上传但未提交的图片超过200MB/) } })
    // The hour has passed: the commissioner may upload again. This one is fresh and stays.
    kept.fresh = await uploadedKey(host!.url, t['commissioner-demo'])

    // The job: on PostgreSQL through the host (jobs.run), on PGlite as `npm run job` with the folder free.
    let changed: unknown
    if (store === 'postgres') {
      changed = await api.data('jobs', 'run', { job: 'uploadCleanup' }, t['admin-demo'])
    } else {
      await halt()
      changed = JSON.parse(await runJobCommand('uploadCleanup', { DATA_DIR: dataDir, DEV_LOGIN: '1', CLOCK_START: T1 }))
      await boot(T1)
    }
    // The 32 unreferenced uploads of the first morning, the 200 MB row (no file) and the old file without a row.
    expect(changed).toEqual({ job: 'uploadCleanup', changed: doomed.length + 1 })
    for (const key of doomed) expect(fs.existsSync(fileOf(key))).toBe(false)
    expect(await served(doomed[0], T1)).toBe(404)
    for (const key of Object.values(kept)) expect(fs.existsSync(fileOf(key))).toBe(true)
    expect(await served(kept.referenced, T1)).toBe(200)
    expect(await served(kept.fresh, T1)).toBe(200)
    // With the old uploads gone, holder-other is under the quota again; a second run finds nothing.
    expect((await uploadPhoto(host!.url, t['holder-other'], PNG)).status).toBe(200)
    expect(await api.data('jobs', 'run', { job: 'uploadCleanup' }, t['admin-demo'])).toEqual({ job: 'uploadCleanup', changed: 0 })
  })
})

describeOnPostgres('uploads on three instances at once (PostgreSQL, in process)', () => {
  let stores: Store[] = []
  let drop = async () => {}
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ldz-uploads-'))
  const files = localUploads(folder)
  let holder: string
  let staff: string

  beforeAll(async () => {
    const database = await createDatabase()
    drop = database.drop
    stores = await Promise.all([0, 1, 2].map(() => openStore({ databaseUrl: database.url, poolSize: 4 })))
    await seedDemo(stores[0].db, { newId: randomUUID, now: at(T0), hash: (code) => code })
    const idOf = async (key: string) => (await stores[0].db.select({ id: users.id }).from(users).where(eq(users.openid, `dev:${key}`)))[0].id
    holder = await idOf('holder-demo')
    staff = await idOf('staff-demo')
  })
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()))
    await drop()
    fs.rmSync(folder, { recursive: true, force: true })
  })

  const uploadAs = (store: Store, ownerId: string, now: Date) => {
    const image = files.prepare(PNG)!
    return recordUpload(store.db, { key: image.key, ownerId, size: image.bytes.length, contentType: image.type, now }, () => files.write(image.key, image.bytes))
  }

  it(`lets exactly ${UPLOADS_PER_HOUR} of 40 simultaneous uploads of one user through`, async () => {
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => uploadAs(stores[i % 3], holder, at(T0))))
    expect(results.filter((r) => r === null)).toHaveLength(UPLOADS_PER_HOUR)
    expect(results.filter((r) => r?.error.code === 'RATE_LIMITED')).toHaveLength(40 - UPLOADS_PER_HOUR)
    expect(fs.readdirSync(path.join(folder, 'uploads'))).toHaveLength(UPLOADS_PER_HOUR)
  })

  it('removes each old unreferenced upload once when three instances clean up together', async () => {
    const db = stores[0].db
    // Five of the morning's uploads were attached to problems; staff uploaded three more later in the day.
    const morning = (await db.select({ key: uploadsTable.key }).from(uploadsTable)).map((row) => row.key)
    await db.execute(sql`UPDATE uploads SET referenced_at = ${at(T0)} WHERE key IN (${sql.join(morning.slice(0, 5).map((key) => sql`${key}`), sql`, `)})`)
    for (let i = 0; i < 3; i++) expect(await uploadAs(stores[0], staff, at('2026-10-12T20:00:00+08:00'))).toBeNull()
    // Ten files with no row, two days old.
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600_000)
    for (let i = 0; i < 10; i++) {
      const stray = path.join(folder, `uploads/${randomUUID()}.png`)
      fs.writeFileSync(stray, PNG)
      fs.utimesSync(stray, twoDaysAgo, twoDaysAgo)
    }

    const run = () => Promise.all(stores.map((store) => removeUnreferencedUploads({ db: store.db, uploadFiles: files }, at(T1))))
    const counts = await run()
    expect(counts.reduce((a, b) => a + b, 0)).toBe(UPLOADS_PER_HOUR - 5 + 10)
    const left = (await db.select({ key: uploadsTable.key }).from(uploadsTable)).map((row) => row.key).sort()
    expect(left).toHaveLength(5 + 3)
    expect(fs.readdirSync(path.join(folder, 'uploads')).map((name) => `uploads/${name}`).sort()).toEqual(left)
    expect(await run()).toEqual([0, 0, 0])
  })
})

describe('the scheduler switch', () => {
  const env = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv
  it('is on unless SCHEDULER says off', () => {
    expect(readConfig(env({})).SCHEDULER).toBe(true)
    expect(readConfig(env({ SCHEDULER: 'on' })).SCHEDULER).toBe(true)
    expect(readConfig(env({ SCHEDULER: 'off' })).SCHEDULER).toBe(false)
    expect(readConfig(env({ SCHEDULER: '0' })).SCHEDULER).toBe(false)
    expect(() => readConfig(env({ SCHEDULER: 'sometimes' }))).toThrow(/SCHEDULER/)
  })
})

describe('photo links', () => {
  const links = photoLinks('a-test-secret-of-thirty-two-characters')
  const key = 'uploads/0b8f4d2e-3c1a-4e5f-9a7b-1c2d3e4f5a6b.jpg'
  const query = (link: string) => new URL(link, 'http://host/').searchParams

  it('live until the end of the next whole hour, and are the same within an hour', () => {
    const link = links.sign(key, new Date('2026-12-01T10:05:00Z'))
    expect(links.sign(key, new Date('2026-12-01T10:59:59Z'))).toBe(link)
    const { exp, sig } = Object.fromEntries(query(link))
    expect(new Date(Number(exp) * 1000).toISOString()).toBe('2026-12-01T12:00:00.000Z')
    expect(links.verify(key, exp, sig, new Date('2026-12-01T11:59:59Z'))).toBe(true)
    expect(links.verify(key, exp, sig, new Date('2026-12-01T12:00:00Z'))).toBe(false)
    expect(links.verify(key, undefined, sig, new Date('2026-12-01T10:05:00Z'))).toBe(false)
    expect(photoLinks('another-secret-of-thirty-two-chars!!').verify(key, exp, sig, new Date('2026-12-01T10:05:00Z'))).toBe(false)
  })

  it('leave keys of other stores alone', () => {
    expect(links.sign('cloud://env-1/problems/abc.jpg', new Date())).toBe('cloud://env-1/problems/abc.jpg')
  })
})
