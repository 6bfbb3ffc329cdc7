import { photoLinks } from '../../cloud/platform/uploads'
import { apiClient } from '../support/api'
import { startHost, type RunningHost } from '../support/host'

jest.setTimeout(60_000)

// The smallest valid PNG: a 1×1 transparent pixel.
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201b5a4f9d40000000049454e44ae426082', 'hex')

describe('photo uploads on the local host', () => {
  let host: RunningHost
  let token: string
  beforeAll(async () => {
    host = await startHost('pglite')
    token = await apiClient(host.url).login('holder-demo')
  })
  afterAll(() => host?.stop())

  const upload = (bytes: Buffer, auth: string | null = token, name = 'photo.png') => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(bytes)]), name)
    return fetch(`${host.url}/api/uploads`, { method: 'POST', body: form, headers: auth ? { authorization: `Bearer ${auth}` } : {} })
  }

  it('stores an image under an unguessable key and serves it back through an expiring signed link', async () => {
    const res = await upload(PNG)
    expect(res.status).toBe(200)
    const { data } = await res.json()
    expect(data.key).toMatch(/^uploads\/[0-9a-f-]{36}\.png$/)
    const back = await fetch(`${host.url}${data.url}`)
    expect(back.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await back.arrayBuffer())).toEqual(PNG)
    expect(data.url).toMatch(/^\/uploads\/[0-9a-f-]{36}\.png\?exp=\d+&sig=[\w-]{43}$/)

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
