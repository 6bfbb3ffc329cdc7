/**
 * The H5 build as the host serves it (issue 13): brotli or gzip copies written at build time, picked by Accept-Encoding
 * with the headers a cache needs; content-hashed files cached for a year, index.html revalidated; and none of it
 * counted by the per-caller rate limit.
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import zlib from 'node:zlib'
import { apiClient } from '../support/api'
import { startHost, type RunningHost } from '../support/host'

jest.setTimeout(120_000)

const H5 = path.resolve(__dirname, '../../dist/h5')
const LIMIT = 3
const IMMUTABLE = 'public, max-age=31536000, immutable'

interface Answer {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
}

/** A GET as sent on the wire: fetch would ask for and undo compression by itself. */
function get(url: string, acceptEncoding?: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: acceptEncoding === undefined ? headers : { ...headers, 'accept-encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }))
    })
    request.on('error', reject)
  })
}

const decoded = (answer: Answer) =>
  answer.headers['content-encoding'] === 'br' ? zlib.brotliDecompressSync(answer.body) : answer.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(answer.body) : answer.body

describe('the H5 build: precompressed, negotiated, cached by content hash, outside the rate limit', () => {
  let host: RunningHost
  let script: string
  let style: string

  beforeAll(async () => {
    if (!fs.existsSync(path.join(H5, 'index.html'))) throw new Error('dist/h5 is missing: run the tests with `npm test`, which builds it')
    host = await startHost('pglite', { RATE_LIMIT_PER_MINUTE: String(LIMIT) })
    const html = fs.readFileSync(path.join(H5, 'index.html'), 'utf8')
    script = /src="(\/js\/app\.[0-9a-f]{8}\.js)"/.exec(html)![1]
    style = /href="(\/css\/app\.[0-9a-f]{8}\.css)"/.exec(html)![1]
  })
  afterAll(() => host?.stop())

  it('the build wrote a .br and a .gz beside every script, style sheet and page, each the same content, smaller', () => {
    const files = fs.readdirSync(H5, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(js|css|html)$/.test(file))
    expect(files.length).toBeGreaterThan(10)
    for (const file of files) {
      const raw = fs.readFileSync(path.join(H5, file))
      if (raw.length < 1024) continue
      const br = fs.readFileSync(path.join(H5, `${file}.br`))
      const gz = fs.readFileSync(path.join(H5, `${file}.gz`))
      expect(zlib.brotliDecompressSync(br).equals(raw)).toBe(true)
      expect(zlib.gunzipSync(gz).equals(raw)).toBe(true)
      expect(br.length).toBeLessThan(gz.length)
      expect(gz.length).toBeLessThan(raw.length)
    }
  })

  it('sends brotli, else gzip, else the file itself, as the request accepts, and says it varies on Accept-Encoding', async () => {
    const raw = fs.readFileSync(path.join(H5, script))
    const cases: Array<[string | undefined, string | undefined, string]> = [
      ['gzip, deflate, br, zstd', 'br', '.br'],
      ['gzip, deflate', 'gzip', '.gz'],
      ['br;q=0, gzip', 'gzip', '.gz'],
      ['identity', undefined, ''],
      [undefined, undefined, ''],
    ]
    for (const [accept, encoding, suffix] of cases) {
      const answer = await get(host.url + script, accept)
      expect(answer.status).toBe(200)
      expect(answer.headers['content-encoding']).toBe(encoding)
      expect(answer.headers.vary).toMatch(/accept-encoding/i)
      expect(answer.headers['content-type']).toMatch(/^application\/javascript/)
      expect(Number(answer.headers['content-length'])).toBe(fs.statSync(path.join(H5, script + suffix)).size)
      expect(decoded(answer).equals(raw)).toBe(true)
    }
  })

  it('keeps content-hashed files a year, immutable; revalidates index.html every time', async () => {
    for (const file of [script, style]) {
      for (const accept of ['br', 'gzip', 'identity']) expect((await get(host.url + file, accept)).headers['cache-control']).toBe(IMMUTABLE)
    }
    for (const page of ['/', '/index.html']) {
      const answer = await get(host.url + page, 'gzip, deflate, br')
      expect(answer.headers['cache-control']).toBe('no-cache')
      expect(answer.headers['content-encoding']).toBe('br')
      expect(answer.headers['content-type']).toMatch(/^text\/html/)
      expect(decoded(answer).equals(fs.readFileSync(path.join(H5, 'index.html')))).toBe(true)
      // A revalidation costs a 304, not the page.
      expect((await get(host.url + page, 'gzip, deflate, br', { 'if-none-match': String(answer.headers.etag) })).status).toBe(304)
    }
  })

  it('serves a page’s files however many a caller asks for, while the API counts them', async () => {
    for (let i = 0; i < LIMIT * 4; i++) {
      const answers = await Promise.all(['/', script, style].map((file) => get(host.url + file, 'br')))
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200])
    }
    const api = apiClient(host.url)
    const replies = []
    for (let i = 0; i <= LIMIT; i++) replies.push((await api.call('auth', 'demoUsers', {})).status)
    expect(replies).toEqual([...Array(LIMIT).fill(200), 429])
    expect((await get(host.url + script, 'br')).status).toBe(200)
  })
})
