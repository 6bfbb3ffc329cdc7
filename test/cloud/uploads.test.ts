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

  it('stores an image under an unguessable key and serves it back', async () => {
    const res = await upload(PNG)
    expect(res.status).toBe(200)
    const { data } = await res.json()
    expect(data.key).toMatch(/^uploads\/[0-9a-f-]{36}\.png$/)
    const back = await fetch(`${host.url}${data.url}`)
    expect(back.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await back.arrayBuffer())).toEqual(PNG)
  })

  it('judges the kind by the bytes, refuses strangers, oversize files and path tricks', async () => {
    const script = await upload(Buffer.from('<script>alert(1)</script>'), token, 'evil.png')
    expect(script.status).toBe(400)
    expect(await script.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    expect((await upload(PNG, null)).status).toBe(401)
    const huge = await upload(Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]))
    expect(huge.status).toBe(413)
    expect((await fetch(`${host.url}/uploads/..%2Fsecrets.json`)).status).toBe(404)
    expect((await fetch(`${host.url}/uploads/not-a-key.png`)).status).toBe(404)
  })
})
