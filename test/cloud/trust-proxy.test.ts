/**
 * The host behind a reverse proxy (README "Deploying"): every request then comes from the proxy's address, so without
 * TRUST_PROXY all callers without a session share one rate-limit bucket (a busy morning of WeChat sign-ins would lock
 * everybody out). With TRUST_PROXY naming the proxy, X-Forwarded-For tells callers apart.
 */
import { startHost, storesUnderTest, type RunningHost } from '../support/host'

jest.setTimeout(120_000)

const store = storesUnderTest().includes('postgres') ? 'postgres' : 'pglite'
const LIMIT = 3

/** A signed-out API call (what a WeChat sign-in is); /api/health is outside the rate limit. */
const signedOutCall = async (host: RunningHost, forwardedFor: string) =>
  (
    await fetch(`${host.url}/api/org`, {
      method: 'POST',
      headers: { 'X-Forwarded-For': forwardedFor, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'district' }),
    })
  ).status

describe(`rate limits behind a reverse proxy (${store})`, () => {
  let trusting: RunningHost
  let plain: RunningHost

  beforeAll(async () => {
    ;[trusting, plain] = await Promise.all([
      startHost(store, { DEV_LOGIN: '0', RATE_LIMIT_PER_MINUTE: String(LIMIT), TRUST_PROXY: 'loopback' }),
      startHost(store, { DEV_LOGIN: '0', RATE_LIMIT_PER_MINUTE: String(LIMIT) }),
    ])
  })
  afterAll(async () => {
    await Promise.all([trusting?.stop(), plain?.stop()])
  })

  it('with TRUST_PROXY=loopback, counts each forwarded caller on its own', async () => {
    for (let i = 0; i < LIMIT; i++) expect(await signedOutCall(trusting, '203.0.113.7')).toBe(200)
    expect(await signedOutCall(trusting, '203.0.113.7')).toBe(429)
    expect(await signedOutCall(trusting, '203.0.113.8')).toBe(200)
  })

  it('(control) without it, every caller behind the proxy shares the proxy’s address', async () => {
    for (let i = 0; i < LIMIT; i++) expect(await signedOutCall(plain, '203.0.113.7')).toBe(200)
    expect(await signedOutCall(plain, '203.0.113.8')).toBe(429)
  })
})
