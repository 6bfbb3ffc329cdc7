import { AREAS } from '../../cloud/functions'
import type { AnyAction } from '../../cloud/functions/action'
import { DEMO_USERS } from '../../cloud/db/seed'
import { apiClient, type ApiClient } from '../support/api'
import { startHost, storesUnderTest, type RunningHost } from '../support/host'

jest.setTimeout(120_000)

const WRONG_VALUES: unknown[] = [12345, null, [], {}, true, 'x'.repeat(100_000), '']

/**
 * Control characters nobody types, which PostgreSQL refuses (U+0000) or which break exports and logs (the rest), and a
 * lone surrogate (not UTF-8: the driver would store U+FFFD instead). Sized 12 or 1 characters so they fit each field's
 * own length bounds, and the control character is what must be refused.
 */
const CONTROL_VALUES = ['控制字符\u0000测试一下吧好的', '\u0007', '十二个字符\u001b的一行文字', '十二个字符\u007f的一行文字', '十二个字符\ud800的一行文字']

/** Every path of an object schema's fields (nested objects included), read from the zod schema itself. */
function fieldPaths(schema: unknown, prefix: string[] = []): string[][] {
  const shape = (schema as { shape?: Record<string, unknown> }).shape
  if (!shape) return []
  return Object.entries(shape).flatMap(([key, field]) => {
    const inner = (field as { unwrap?: () => unknown }).unwrap?.() ?? field
    return [[...prefix, key], ...fieldPaths(inner, [...prefix, key])]
  })
}

function setPath(path: string[], value: unknown): Record<string, unknown> {
  return path.reduceRight<unknown>((acc, key) => ({ [key]: acc }), value) as Record<string, unknown>
}

function userFor(action: AnyAction): string | null {
  if (action.access === 'public') return null
  if (action.access === 'signedIn') return 'holder-demo'
  return DEMO_USERS.find((user) => user.roles.some((role) => (action.access as readonly string[]).includes(role)))!.key
}

describe('bad input never crashes the host', () => {
  let host: RunningHost
  let api: ApiClient
  const tokens = new Map<string, string>()

  beforeAll(async () => {
    host = await startHost('pglite', { RATE_LIMIT_PER_MINUTE: '100000' })
    api = apiClient(host.url)
    for (const user of DEMO_USERS) tokens.set(user.key, await api.login(user.key))
  })
  afterAll(() => host?.stop())

  const actions = Object.entries(AREAS).flatMap(([area, table]) =>
    Object.entries(table).map(([name, action]) => [`${area}.${name}`, area, name, action as AnyAction] as const),
  )

  it.each(actions)('%s answers wrong types, missing fields, oversize strings and unknown fields with 4xx', async (_label, area, name, action) => {
    const user = userFor(action)
    const token = user ? tokens.get(user)! : null
    const paths = fieldPaths(action.input)
    const payloads: Array<Record<string, unknown>> = [{ unexpected: 'field' }]
    for (const path of paths) for (const value of WRONG_VALUES) payloads.push(setPath(path, value))
    // A value that happens to be valid for its field (true for a boolean filter) is not bad input.
    for (const payload of payloads.filter((p) => !action.input.safeParse(p).success)) {
      const reply = await api.call(area, name, payload, token)
      expect(reply.status).toBeGreaterThanOrEqual(400)
      expect(reply.status).toBeLessThan(500)
      expect(reply.body).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^[A-Z_]+$/) } })
      if (!reply.body.ok) expect(reply.body.error.message).toMatch(/[\u4e00-\u9fa5]/)
    }
    if (!action.input.safeParse({}).success) {
      expect((await api.call(area, name, {}, token)).body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } })
    }
  })

  it('answers garbage bodies with VALIDATION_FAILED, oversize bodies with 413, unknown routes with 404', async () => {
    const token = tokens.get('admin-demo')!
    for (const body of ['{bad', '', 'null', '[]', '"text"', '42', '{"action": 5}', '{"noAction": true}']) {
      const reply = await api.raw('cards', body, token)
      expect(reply.status).toBe(400)
      expect(reply.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    }
    expect((await api.raw('cards', 'action=list', token, 'application/x-www-form-urlencoded')).status).toBe(400)
    expect((await api.raw('cards', JSON.stringify({ action: 'list', pad: 'x'.repeat(300_000) }), token)).body).toMatchObject({
      error: { code: 'PAYLOAD_TOO_LARGE' },
    })
    expect(await api.call('nowhere', 'list', {}, token)).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } })
    expect(await api.call('cards', 'constructor', {}, token)).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } })
    expect(await api.call('cards', '__proto__', {}, token)).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } })
    const get = await fetch(`${host.url}/api/cards`)
    expect(get.status).toBe(404)
  })

  it('caps stations.sessions at 92 days, counting both ends; a `to` alone counts from today', async () => {
    const token = tokens.get('holder-demo')!
    const sessions = (payload: object) => api.call('stations', 'sessions', payload, token)
    const refused = { status: 400, body: { ok: false, error: { code: 'VALIDATION_FAILED', message: '查询的日期范围最长92天，请缩短范围' } } }
    expect(await sessions({ from: '2026-01-01', to: '2125-12-31' })).toMatchObject(refused)
    expect(await sessions({ from: '2026-07-01', to: '2026-10-01' })).toMatchObject(refused)
    expect((await sessions({ from: '2026-07-01', to: '2026-09-30' })).status).toBe(200)
    expect(await sessions({ to: '2125-12-31' })).toMatchObject(refused)
    expect((await sessions({ from: '1900-01-01' })).status).toBe(200)
    expect((await sessions({})).status).toBe(200)
  })
})

describe.each(storesUnderTest())('control characters in any field on %s', (store) => {
  let host: RunningHost
  let api: ApiClient
  const tokens = new Map<string, string>()

  beforeAll(async () => {
    host = await startHost(store, { RATE_LIMIT_PER_MINUTE: '100000' })
    api = apiClient(host.url)
    for (const user of DEMO_USERS) tokens.set(user.key, await api.login(user.key))
  })
  afterAll(() => host?.stop())

  it('every field of every action answers 400 VALIDATION_FAILED in Chinese, the issue at that field, never 500', async () => {
    const wrong: string[] = []
    let sent = 0
    for (const [area, table] of Object.entries(AREAS)) {
      for (const [name, action] of Object.entries(table) as Array<[string, AnyAction]>) {
        const user = userFor(action)
        const token = user ? tokens.get(user)! : null
        for (const path of fieldPaths(action.input)) {
          for (const value of CONTROL_VALUES) {
            const reply = await api.call(area, name, setPath(path, value), token)
            sent++
            const issues = reply.body.ok ? [] : ((reply.body.error as { details?: { issues?: Array<{ path: string }> } }).details?.issues ?? [])
            // The field itself is refused (for a field inside an array, the array that got an object instead).
            const atField = issues.some((issue) => issue.path !== '' && `${path.join('.')}.`.startsWith(`${issue.path}.`))
            const chinese = !reply.body.ok && /[\u4e00-\u9fa5]/.test(reply.body.error.message)
            if (reply.status !== 400 || reply.body.ok || reply.body.error.code !== 'VALIDATION_FAILED' || !chinese || !atField) {
              wrong.push(`${area}.${name} ${path.join('.')}=${JSON.stringify(value)} → ${reply.status} ${JSON.stringify(reply.body).slice(0, 160)}`)
            }
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(900)
    expect(wrong).toEqual([])
  })

  // Whole, otherwise valid requests (each accepted with clean text), so nothing else stops them before the store.
  it.each([
    ['stations', 'list', 'admin-demo', { area: '环翠区' }, 'area', '所在区域'],
    ['stations', 'save', 'admin-demo', { name: '测试服务站', area: '环翠区', address: '文化中路1号', latitude: 37.5, longitude: 122.1, contactPhone: '0631-5200000' }, 'address', '地址'],
    ['org', 'saveDepartment', 'admin-demo', { name: '区测试局' }, 'name', '名称'],
    ['problems', 'submit', 'holder-demo', { category: 'other', title: '测试诉求', description: '新设分公司需要办理哪些手续？' }, 'description', '问题描述'],
  ] as const)('%s.%s with U+0000 in an otherwise valid request: 400 naming the field, with clean text: 200', async (area, name, user, payload, field, label) => {
    const token = tokens.get(user)!
    const base = (suffix: string) => (area === 'problems' ? { ...payload, idempotencyKey: `control-${store}-${suffix}` } : payload)
    for (const [i, value] of CONTROL_VALUES.entries()) {
      const bad = { ...base(`bad-${i}`), [field]: `${(payload as Record<string, string>)[field]}${value}` }
      const reply = await api.call(area, name, bad, token)
      expect(reply).toMatchObject({ status: 400, body: { ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(new RegExp(`^${label}.*字符`)) } } })
    }
    expect((await api.call(area, name, base('clean'), token)).status).toBe(200)
  })
})

describe('rate limiting per caller', () => {
  let host: RunningHost
  beforeAll(async () => {
    host = await startHost('pglite', { RATE_LIMIT_PER_MINUTE: '5' })
  }, 60_000)
  afterAll(() => host?.stop())

  it('refuses the sixth call in a minute with RATE_LIMITED, counted per signed-in user', async () => {
    const api = apiClient(host.url)
    const holder = await api.login('holder-demo')
    const other = await api.login('holder-other')
    const replies = []
    for (let i = 0; i < 6; i++) replies.push(await api.call('auth', 'me', {}, holder))
    expect(replies.slice(0, 5).every((reply) => reply.status === 200)).toBe(true)
    expect(replies[5]).toMatchObject({ status: 429, body: { ok: false, error: { code: 'RATE_LIMITED' } } })
    expect((await api.call('auth', 'me', {}, other)).status).toBe(200)
  })
})

describe('what the rate limit does not count', () => {
  let host: RunningHost
  beforeAll(async () => {
    host = await startHost('pglite', { RATE_LIMIT_PER_MINUTE: '5' })
  }, 60_000)
  afterAll(() => host?.stop())

  it('health checks, the H5 pages and photo links are never refused; the API still is, per address', async () => {
    const get = async (path: string) => (await fetch(`${host.url}${path}`)).status
    for (let i = 0; i < 12; i++) {
      expect(await get('/api/health')).toBe(200)
      expect(await get('/')).toBe(200)
      expect(await get('/uploads/0b6c1b1e-0000-4000-8000-000000000000.jpg?exp=1&sig=x')).toBe(403)
    }
    const api = apiClient(host.url)
    const replies = []
    for (let i = 0; i < 6; i++) replies.push((await api.call('auth', 'demoUsers', {})).status)
    expect(replies).toEqual([200, 200, 200, 200, 200, 429])
    expect(await get('/api/health')).toBe(200)
    expect(await get('/')).toBe(200)
  })
})
