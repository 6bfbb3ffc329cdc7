import { signCardToken } from '../../src/core/card/card.token'
import { ed25519, nobleSigner } from '../../src/core/card/card.token.noble'
import { apiClient, type ApiClient } from '../support/api'
import { testCreditCode } from '../support/holders'
import { startHost, storesUnderTest, TEST_CARD_KEY, type RunningHost } from '../support/host'

jest.setTimeout(60_000)

const newHolder = (creditCode = '91350100M000100Y43') => ({
  type: 'enterprise',
  name: '威海示例精密机械有限公司',
  creditCode,
  qualification: { basis: 'tax_over_10m', detail: '2025年度区级税收1180万元' },
  contact: { name: '孙敏', phone: '13912345678' },
})

describe.each(storesUnderTest())('service cards through the host on %s', (store) => {
  let host: RunningHost
  let api: ApiClient
  const tokens: Record<string, string> = {}

  beforeAll(async () => {
    host = await startHost(store)
    api = apiClient(host.url)
    for (const key of ['holder-demo', 'holder-other', 'staff-demo', 'admin-demo', 'leader-demo']) tokens[key] = await api.login(key)
  })
  afterAll(() => host?.stop())

  async function holderCard(user = 'holder-demo') {
    const { items } = await api.data('cards', 'mine', {}, tokens[user])
    return items[0]
  }

  async function freshQr(cardId: string, user = 'holder-demo'): Promise<string> {
    return (await api.data('cards', 'token', { cardId }, tokens[user])).qr
  }

  it('answers health once migrations ran', async () => {
    const res = await fetch(`${host.url}/api/health`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true, data: { status: 'ok', store } })
  })

  it('shows the holder their card with full details, and a 60 s token', async () => {
    const { card, holder } = await holderCard()
    expect(card).toMatchObject({ type: 'enterprise', status: 'active' })
    expect(holder.contact.phone).toMatch(/^1\d{10}$/)
    const token = await api.data('cards', 'token', { cardId: card.id }, tokens['holder-demo'])
    const lifetime = Date.parse(token.expiresAt) - Date.now()
    expect(lifetime).toBeGreaterThan(55_000)
    expect(lifetime).toBeLessThanOrEqual(60_000)
    expect(Date.parse(token.expiresAt) - Date.parse(token.refreshAfter)).toBe(30_000)
  })

  it('verifies a fresh token once for staff, with the phone masked, and refuses the replay', async () => {
    const { card } = await holderCard()
    const qr = await freshQr(card.id)
    const first = await api.call('cards', 'verify', { qr }, tokens['staff-demo'])
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ ok: true, data: { card: { id: card.id }, holder: { name: '威海海川科技有限公司' } } })
    if (first.body.ok) expect(first.body.data.holder.contact.phone).toMatch(/^\d{3}\*{4}\d{4}$/)
    const again = await api.call('cards', 'verify', { qr }, tokens['staff-demo'])
    expect(again).toMatchObject({ status: 409, body: { ok: false, error: { code: 'TOKEN_REPLAYED' } } })
  })

  it('refuses expired, forged and altered tokens with distinct codes', async () => {
    const { card } = await holderCard()
    const key = Buffer.from(TEST_CARD_KEY, 'base64url')
    const expired = signCardToken({ cardId: card.id, nowMs: Date.now() - 61_000, nonce: new Uint8Array(16).fill(3) }, nobleSigner(key)).qr
    const forged = signCardToken({ cardId: card.id, nowMs: Date.now(), nonce: new Uint8Array(16).fill(4) }, nobleSigner(ed25519.randomSecretKey())).qr
    const good = await freshQr(card.id)
    const altered = good.replace(/\.(\d{10})\./, (_m, issued) => `.${Number(issued) + 1}.`)
    const verify = (qr: string) => api.call('cards', 'verify', { qr }, tokens['staff-demo'])
    expect(await verify(expired)).toMatchObject({ status: 409, body: { error: { code: 'TOKEN_EXPIRED' } } })
    expect(await verify(forged)).toMatchObject({ status: 400, body: { error: { code: 'TOKEN_INVALID' } } })
    expect(await verify(altered)).toMatchObject({ status: 400, body: { error: { code: 'TOKEN_INVALID' } } })
    expect(await verify('not a card')).toMatchObject({ status: 400, body: { error: { code: 'TOKEN_INVALID' } } })
    // The untouched token was never consumed by the failed attempts.
    expect((await verify(good)).status).toBe(200)
  })

  it('issues, activates once, suspends, reinstates and revokes a card', async () => {
    const admin = tokens['admin-demo']
    const bad = await api.call('cards', 'issue', { holder: newHolder('91350100M000100Y44') }, admin)
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } })
    if (!bad.body.ok) expect(bad.body.error.message).toContain('校验位')

    const issued = await api.data('cards', 'issue', { holder: newHolder() }, admin)
    expect(issued.card).toMatchObject({ status: 'pending', type: 'enterprise' })
    expect(issued.activationCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/)
    const duplicate = await api.call('cards', 'issue', { holder: newHolder() }, admin)
    expect(duplicate.body).toMatchObject({ ok: false, error: { code: 'CARD_ALREADY_ISSUED' } })

    const newcomer = await api.login(`newcomer-${store}`)
    expect((await api.data('auth', 'me', {}, newcomer)).user.roles).toEqual([])
    const activated = await api.data('cards', 'activate', { activationCode: issued.activationCode.toLowerCase() }, newcomer)
    expect(activated.card.status).toBe('active')
    expect((await api.data('auth', 'me', {}, newcomer)).user.roles).toEqual(['holder'])
    const second = await api.login(`second-${store}`)
    // A code somebody else used and a code that never existed answer exactly alike (no existence oracle).
    const used = await api.call('cards', 'activate', { activationCode: issued.activationCode }, second)
    const wrong = await api.call('cards', 'activate', { activationCode: 'ABCD-EFGH-JKLM' }, second)
    expect(used).toEqual(wrong)
    expect(wrong).toMatchObject({ status: 404, body: { ok: false, error: { code: 'ACTIVATION_CODE_INVALID', message: expect.stringContaining('已被使用') } } })
    // The one who used it, retrying after a lost answer, gets their card again and nothing changes.
    const retried = await api.data('cards', 'activate', { activationCode: issued.activationCode }, newcomer)
    expect(retried.card).toEqual(activated.card)

    const cardId = issued.card.id
    const qr = await freshQr(cardId, 'x').catch(() => null)
    expect(qr).toBeNull()
    const tokenBeforeSuspend = (await api.data('cards', 'token', { cardId }, newcomer)).qr
    expect((await api.data('cards', 'suspend', { cardId, reason: '企业信息待核实' }, admin)).card.status).toBe('suspended')
    const suspended = await api.call('cards', 'verify', { qr: tokenBeforeSuspend }, tokens['staff-demo'])
    expect(suspended).toMatchObject({ status: 409, body: { error: { code: 'CARD_SUSPENDED' } } })
    expect((await api.call('cards', 'token', { cardId }, newcomer)).body).toMatchObject({ error: { code: 'CARD_SUSPENDED' } })
    expect((await api.data('cards', 'reinstate', { cardId }, admin)).card.status).toBe('active')

    const tokenBeforeRevoke = (await api.data('cards', 'token', { cardId }, newcomer)).qr
    expect((await api.data('cards', 'revoke', { cardId, reason: '企业迁出本区' }, admin)).card.status).toBe('revoked')
    expect(await api.call('cards', 'verify', { qr: tokenBeforeRevoke }, tokens['staff-demo'])).toMatchObject({
      status: 409,
      body: { error: { code: 'CARD_REVOKED' } },
    })
    expect((await api.call('cards', 'reinstate', { cardId }, admin)).body).toMatchObject({ error: { code: 'CARD_REVOKED' } })
    // A revoked card makes room for a new one for the same enterprise.
    expect((await api.call('cards', 'issue', { holder: newHolder() }, admin)).status).toBe(200)
  })

  it('never rewrites a holder by issuing a card of another type under its credit code', async () => {
    // Issue 12: the holder upsert overwrote type and name, so a project card under a revoked enterprise's credit code
    // turned that enterprise into a project in the revoked card's history. It is refused; the holder stays as issued.
    const admin = tokens['admin-demo']
    const creditCode = testCreditCode()
    const { card } = await api.data('cards', 'issue', { holder: newHolder(creditCode) }, admin)
    await api.data('cards', 'revoke', { cardId: card.id, reason: '企业迁出本区' }, admin)
    const holderOf = async () => (await api.data('cards', 'list', { status: 'revoked' }, admin)).items.find((c: { card: { id: string } }) => c.card.id === card.id).holder
    const before = await holderOf()
    expect(before).toMatchObject({ type: 'enterprise', name: '威海示例精密机械有限公司', contact: { name: '孙敏' } })
    const asProject = {
      ...newHolder(creditCode),
      type: 'project',
      name: '示例精密机械二期技改项目',
      qualification: { basis: 'key_project_industry', detail: '区级重点产业项目' },
      contact: { name: '周立', phone: '13700001111' },
    }
    const conflict = await api.call('cards', 'issue', { holder: asProject }, admin)
    expect(conflict).toMatchObject({ status: 409, body: { ok: false, error: { code: 'HOLDER_TYPE_CONFLICT' } } })
    if (!conflict.body.ok) expect(conflict.body.error.message).toContain('「威海示例精密机械有限公司」')
    expect(await holderOf()).toEqual(before)
    expect((await api.data('cards', 'list', {}, admin)).items.filter((c: { holder: { id: string } }) => c.holder.id === before.id)).toHaveLength(1)
    // The same type may come back: a new enterprise card refreshes the same holder's details.
    const again = await api.data('cards', 'issue', { holder: { ...newHolder(creditCode), contact: { name: '孙敏', phone: '13912340000' } } }, admin)
    expect(again.holder).toMatchObject({ id: before.id, type: 'enterprise', contact: { phone: '13912340000' } })
  })

  it('checks roles and ownership', async () => {
    const { card } = await holderCard()
    const qr = await freshQr(card.id)
    const expectCode = async (promise: Promise<{ body: unknown }>, code: string) =>
      expect((await promise).body).toMatchObject({ ok: false, error: { code } })
    await expectCode(api.call('cards', 'verify', { qr }, tokens['holder-demo']), 'FORBIDDEN')
    await expectCode(api.call('cards', 'verify', { qr }, tokens['leader-demo']), 'FORBIDDEN')
    await expectCode(api.call('cards', 'issue', { holder: newHolder() }, tokens['holder-demo']), 'FORBIDDEN')
    await expectCode(api.call('cards', 'issue', { holder: newHolder() }, tokens['staff-demo']), 'FORBIDDEN')
    await expectCode(api.call('cards', 'suspend', { cardId: card.id }, tokens['staff-demo']), 'FORBIDDEN')
    await expectCode(api.call('cards', 'list', {}, tokens['holder-demo']), 'FORBIDDEN')
    // Another enterprise can neither see nor use this card.
    await expectCode(api.call('cards', 'token', { cardId: card.id }, tokens['holder-other']), 'NOT_FOUND')
    const others = await api.data('cards', 'mine', {}, tokens['holder-other'])
    expect(others.items.map((item: { card: { id: string } }) => item.card.id)).not.toContain(card.id)
    await expectCode(api.call('cards', 'mine', {}), 'UNAUTHENTICATED')
    await expectCode(api.call('cards', 'mine', {}, 'forged.token.value'), 'UNAUTHENTICATED')
    // The public key is public, and it is the key the tokens verify with.
    const { publicKey } = await api.data('cards', 'publicKey')
    expect(Buffer.from(publicKey, 'base64url')).toEqual(Buffer.from(ed25519.getPublicKey(Buffer.from(TEST_CARD_KEY, 'base64url'))))
  })
})

describe('a host without dev login', () => {
  let host: RunningHost
  beforeAll(async () => {
    host = await startHost('pglite', { DEV_LOGIN: '0' })
  }, 60_000)
  afterAll(() => host?.stop())

  it('has no dev login and no demo users', async () => {
    const api = apiClient(host.url)
    expect(await api.call('auth', 'devLogin', { userKey: 'admin-demo' })).toMatchObject({
      status: 403,
      body: { error: { code: 'DEV_LOGIN_DISABLED' } },
    })
    expect((await api.call('auth', 'demoUsers')).body).toMatchObject({ error: { code: 'DEV_LOGIN_DISABLED' } })
  })
})
