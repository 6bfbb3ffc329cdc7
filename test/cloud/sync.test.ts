import { randomUUID } from 'node:crypto'
import { base64urlnopad } from '@scure/base'
import { makeOfflineCode, verifyOfflineCode } from '../../src/core/card/offline-code'
import { ed25519, noblePublicKey } from '../../src/core/card/card.token.noble'
import { apiClient, type ApiClient } from '../support/api'
import { newHolder } from '../support/holders'
import { startHost, storesUnderTest, TEST_CARD_KEY, type RunningHost } from '../support/host'

jest.setTimeout(300_000)

// Monday 28 September 2026, 09:10 in Shanghai, ten minutes into the session below.
const CLOCK_START = '2026-09-28T09:10:00+08:00'
const TODAY = '2026-09-28'
const TOMORROW = '2026-09-29'

/** A holder's phone: its device key and the credential the backend signed for it. */
interface Phone {
  token: string
  cardId: string
  holderId: string
  secret: string
  credential: string
}

type Action = { id: string; kind: string; at: string; payload: Record<string, unknown> }
const code = (reply: { body: unknown }) => (reply.body as { error?: { code: string } }).error?.code

describe.each(storesUnderTest())('offline cards, kit and sync through the host on %s', (store) => {
  let host: RunningHost
  let api: ApiClient
  const t: Record<string, string> = {}
  let sessionId: string
  /** Server time minus this machine's, learned from the kit's issuedAt (the host's clock starts at CLOCK_START). */
  let offset = 0
  const serverNow = (plusSeconds = 0) => new Date(Date.now() + offset + plusSeconds * 1000)
  let nonce = 0
  const nextNonce = () => {
    const bytes = new Uint8Array(8)
    new DataView(bytes.buffer).setUint32(4, ++nonce)
    return bytes
  }

  async function phoneOf(token: string): Promise<Phone> {
    const { items } = await api.data('cards', 'mine', {}, token)
    const secretKey = ed25519.randomSecretKey()
    const publicKey = base64urlnopad.encode(noblePublicKey(secretKey))
    const { credential } = await api.data('cards', 'bindDevice', { cardId: items[0].card.id, publicKey }, token)
    return { token, cardId: items[0].card.id, holderId: items[0].holder.id, secret: base64urlnopad.encode(secretKey), credential }
  }
  const offlineCode = (phone: Phone, at: Date) => makeOfflineCode({ credential: phone.credential, deviceSecretKey: phone.secret, now: at, nonce: nextNonce() })
  const push = (actions: Action[], deviceId = 'desk-device-1', token = t['staff-demo']) => api.call('sync', 'push', { deviceId, actions }, token)
  const checkInAction = (qr: string, at: Date): Action => ({ id: randomUUID(), kind: 'bookings.checkIn', at: at.toISOString(), payload: { sessionId, qr } })

  beforeAll(async () => {
    host = await startHost(store, { CLOCK_START, RATE_LIMIT_PER_MINUTE: '100000' })
    api = apiClient(host.url)
    for (const user of ['holder-demo', 'holder-other', 'staff-demo', 'admin-demo', 'handler-approval', 'handler-demo']) t[user] = await api.login(user)
    const { items: stations } = await api.data('stations', 'list', {}, t['admin-demo'])
    const staff = (await api.data('stations', 'directory', {}, t['admin-demo'])).staff.find((s: { name: string }) => s.name.includes('王芳'))
    const session = await api.data(
      'stations',
      'createSession',
      { stationId: stations[0].id, kind: 'expert', date: TODAY, start: '09:00', end: '12:00', slotMinutes: 60, capacity: 30, staffIds: [staff.id] },
      t['admin-demo'],
    )
    sessionId = session.id
    const kit = await api.data('stations', 'offlineKit', { sessionId }, t['staff-demo'])
    offset = Date.parse(kit.issuedAt) - Date.now()
  })
  afterAll(() => host?.stop())

  it('binds the holder’s phone, verifies its offline code online once, and a new phone ends the old credential', async () => {
    const phone = await phoneOf(t['holder-demo'])
    expect(code(await api.call('cards', 'bindDevice', { cardId: phone.cardId, publicKey: base64urlnopad.encode(new Uint8Array(32).fill(1)) }, t['holder-other']))).toBe('NOT_FOUND')
    for (const publicKey of ['short', `${'A'.repeat(42)}B`]) {
      expect(code(await api.call('cards', 'bindDevice', { cardId: phone.cardId, publicKey }, t['holder-demo']))).toBe('VALIDATION_FAILED')
    }

    const qr = offlineCode(phone, serverNow())
    const verified = await api.call('cards', 'verify', { qr }, t['staff-demo'])
    expect(verified).toMatchObject({ status: 200, body: { ok: true, data: { card: { id: phone.cardId }, holder: { name: '威海海川科技有限公司' } } } })
    expect(code(await api.call('cards', 'verify', { qr }, t['staff-demo']))).toBe('TOKEN_REPLAYED')
    expect(code(await api.call('cards', 'verify', { qr: offlineCode(phone, serverNow(-200)) }, t['staff-demo']))).toBe('TOKEN_EXPIRED')

    const newPhone = await phoneOf(t['holder-demo'])
    expect(code(await api.call('cards', 'verify', { qr: offlineCode(phone, serverNow()) }, t['staff-demo']))).toBe('OFFLINE_CREDENTIAL_REPLACED')
    expect((await api.call('cards', 'verify', { qr: offlineCode(newPhone, serverNow()) }, t['staff-demo'])).status).toBe(200)
  })

  it('gives rostered staff and admins the session’s kit, which verifies a code with no backend', async () => {
    const phone = await phoneOf(t['holder-other'])
    const { items: slots } = { items: (await api.data('stations', 'sessions', { from: TODAY, to: TODAY }, t['holder-other'])).items.find((s: { id: string }) => s.id === sessionId).slots }
    await api.data('bookings', 'create', { slotId: slots[2].id, topic: '咨询用工政策', idempotencyKey: `kit-booking-${store}` }, t['holder-other'])
    const kit = await api.data('stations', 'offlineKit', { sessionId }, t['staff-demo'])
    expect(kit.session.id).toBe(sessionId)
    expect(kit.cardPublicKey).toBe(base64urlnopad.encode(noblePublicKey(Buffer.from(TEST_CARD_KEY, 'base64url'))))
    expect(kit.bookings).toEqual([expect.objectContaining({ holderName: '环翠蓝海食品有限公司', cardId: phone.cardId, status: 'confirmed' })])
    expect((await api.call('stations', 'offlineKit', { sessionId }, t['admin-demo'])).status).toBe(200)
    expect(code(await api.call('stations', 'offlineKit', { sessionId }, t['holder-demo']))).toBe('FORBIDDEN')
    expect(code(await api.call('stations', 'offlineKit', { sessionId: randomUUID() }, t['staff-demo']))).toBe('NOT_FOUND')
    const offline = verifyOfflineCode(offlineCode(phone, serverNow()), kit, serverNow())
    expect(offline).toMatchObject({ ok: true, data: { cardId: phone.cardId, holderName: '环翠蓝海食品有限公司' } })
  })

  it('replays a 200-action batch once: pushed twice, it answers the same and makes one copy', async () => {
    const phones: Phone[] = []
    for (let i = 0; i < 25; i++) phones.push(await phoneOf(await newHolder(api, t['admin-demo'], `sync-${store}-${i}`)))
    const actions: Action[] = []
    phones.forEach((phone, i) => {
      const at = serverNow(i - 30)
      const submits = [0, 1, 2, 3].map((n): Action => ({
        id: randomUUID(),
        kind: 'problems.submit',
        at: at.toISOString(),
        payload: { holderId: phone.holderId, category: 'policy', title: `离线登记诉求${i}-${n}`, description: '现场登记：咨询研发费用加计扣除政策', idempotencyKey: `offline-${i}-${n}` },
      }))
      actions.push(checkInAction(offlineCode(phone, at), at), ...submits)
      actions.push({ id: randomUUID(), kind: 'problems.answer', at: at.toISOString(), payload: { id: submits[1].id, reply: '已现场解答', version: 0 } })
      actions.push({ id: randomUUID(), kind: 'problems.answer', at: at.toISOString(), payload: { id: submits[3].id, reply: '已现场解答', version: 0 } })
      actions.push({
        id: randomUUID(),
        kind: 'problems.defer',
        at: at.toISOString(),
        payload: { id: submits[2].id, explanation: '需部门核实', suggestion: '准备近三年研发台账', nextStep: { kind: 'homeVisit', date: TOMORROW }, version: 0 },
      })
    })
    expect(actions).toHaveLength(200)
    const first = await push(actions)
    expect(first.status).toBe(200)
    const results = first.body.ok ? first.body.data.results : []
    expect(results.filter((r: { ok: boolean; code?: string }) => !r.ok || r.code)).toEqual([])
    expect(results.map((r: { id: string }) => r.id)).toEqual(actions.map((a) => a.id))
    const again = await push(actions)
    expect(again.body).toEqual(first.body)

    const roster = await api.data('bookings', 'roster', { sessionId }, t['staff-demo'])
    const holderIds = new Set(phones.map((p) => p.holderId))
    expect(roster.visits.filter((v: { holderId: string }) => holderIds.has(v.holderId))).toHaveLength(25)
    for (const phone of phones.slice(0, 5)) {
      const { items } = await api.data('problems', 'mine', {}, phone.token)
      expect(items.map((p: { status: string }) => p.status).sort()).toEqual(['answered', 'answered', 'deferred', 'submitted'])
    }
    const answered = results[5]
    expect(answered.serverId).toBe(results[2].serverId)
  })

  it('answers the same batch pushed twice at once (a retry racing its first try) with one set of results', async () => {
    const phone = await phoneOf(await newHolder(api, t['admin-demo'], `race-${store}`))
    const at = serverNow()
    const actions: Action[] = [
      checkInAction(offlineCode(phone, at), at),
      ...[0, 1, 2, 3, 4].map((n) => ({
        id: randomUUID(),
        kind: 'problems.submit',
        at: at.toISOString(),
        payload: { holderId: phone.holderId, category: 'financing', title: `并发同步${n}`, description: '同一批离线操作同时推送两次', idempotencyKey: `race-key-${n}` },
      })),
    ]
    const [a, b] = await Promise.all([push(actions), push(actions)])
    expect(a.body.ok && a.body.data.results.filter((r: { ok: boolean; code?: string }) => !r.ok || r.code)).toEqual([])
    expect(b.body).toEqual(a.body)
    expect((await api.data('problems', 'mine', {}, phone.token)).items).toHaveLength(5)
  })

  it('records a problem for a walk-in checked in offline, naming the holder by that check-in’s client id', async () => {
    const phone = await phoneOf(await newHolder(api, t['admin-demo'], `walkin-${store}`))
    const at = serverNow()
    const checkIn = checkInAction(offlineCode(phone, at), at)
    const submit: Action = {
      id: randomUUID(),
      kind: 'problems.submit',
      at: at.toISOString(),
      payload: { holderId: checkIn.id, category: 'talent', title: '现场登记的人才公寓问题', description: '离线登记：现场来访企业的人才公寓申请', idempotencyKey: `walkin-key-${store}` },
    }
    const pushed = await push([checkIn, submit])
    expect(pushed.body).toMatchObject({ ok: true, data: { results: [{ ok: true }, { ok: true }] } })
    const { items } = await api.data('problems', 'mine', {}, phone.token)
    expect(items.map((p: { title: string }) => p.title)).toEqual(['现场登记的人才公寓问题'])
    // Somebody else's check-in id names no holder of this pusher: refused, as an unknown holder.
    const stray = await push([{ ...submit, id: randomUUID(), payload: { ...submit.payload, holderId: randomUUID(), idempotencyKey: `stray-${store}` } }])
    expect(stray.body).toMatchObject({ ok: true, data: { results: [{ ok: false }] } })
  })

  it('checks in once for a proof two devices pushed, and flags the second', async () => {
    const phone = await phoneOf(await newHolder(api, t['admin-demo'], `twice-${store}`))
    const qr = offlineCode(phone, serverNow())
    const one = await push([checkInAction(qr, serverNow())], 'desk-device-1')
    const two = await push([checkInAction(qr, serverNow(10))], 'desk-device-2')
    expect(one.body).toMatchObject({ ok: true, data: { results: [{ ok: true }] } })
    expect(one.body.ok && one.body.data.results[0].code).toBeUndefined()
    expect(two.body).toMatchObject({ ok: true, data: { results: [{ ok: true, code: 'OFFLINE_REPLAYED' }] } })
    const roster = await api.data('bookings', 'roster', { sessionId }, t['staff-demo'])
    expect(roster.visits.filter((v: { holderId: string }) => v.holderId === phone.holderId)).toHaveLength(1)
    const { items } = await api.data('sync', 'flags', {}, t['admin-demo'])
    const flagged = items.filter((f: { payload: { qr?: string } }) => f.payload.qr === qr)
    expect(flagged).toEqual([
      expect.objectContaining({
        code: 'OFFLINE_REPLAYED',
        kind: 'bookings.checkIn',
        deviceId: 'desk-device-2',
        pushedBy: expect.objectContaining({ name: '王芳（流动站）' }),
        holder: { id: phone.holderId, name: `测试企业twice-${store}`, cardNumber: expect.stringMatching(/^E\d+$/) },
      }),
    ])
  })

  it('records an offline check-in of a card revoked before it, flagged for the admin and the department', async () => {
    const revoked = await phoneOf(await newHolder(api, t['admin-demo'], `revoked-${store}`))
    await api.data('cards', 'revoke', { cardId: revoked.cardId, reason: '企业注销' }, t['admin-demo'])
    // The station's kit predates the revocation: it let the holder in.
    const scanned = serverNow(5)
    const actions = [checkInAction(offlineCode(revoked, scanned), scanned)]
    const pushed = await push(actions)
    expect(pushed.body).toMatchObject({ ok: true, data: { results: [{ ok: true, code: 'OFFLINE_REVOKED', message: expect.stringContaining('注销') }] } })
    const roster = await api.data('bookings', 'roster', { sessionId }, t['staff-demo'])
    expect(roster.visits.filter((v: { holderId: string }) => v.holderId === revoked.holderId)).toHaveLength(1)

    const flagOf = async (token: string) => (await api.data('sync', 'flags', {}, token)).items.filter((f: { id: string }) => f.id === actions[0].id)
    expect(await flagOf(t['admin-demo'])).toEqual([expect.objectContaining({ code: 'OFFLINE_REVOKED', ok: true })])
    // staff-demo works in 行政审批服务局: its handler sees the flag, another department's does not.
    expect(await flagOf(t['handler-approval'])).toHaveLength(1)
    expect(await flagOf(t['handler-demo'])).toEqual([])
    expect(code(await api.call('sync', 'flags', {}, t['staff-demo']))).toBe('FORBIDDEN')
  })

  it('answers bad actions with coded Chinese errors, records them, and never a 500', async () => {
    const phone = await phoneOf(await newHolder(api, t['admin-demo'], `bad-${store}`))
    // A booking of a session staff-demo does not work: the desk's actions are its own staff's only.
    const { items: stations } = await api.data('stations', 'list', {}, t['admin-demo'])
    const elsewhere = await api.data('stations', 'createSession', { stationId: stations[0].id, kind: 'finance', date: TODAY, start: '14:00', end: '15:00', slotMinutes: 60, capacity: 5 }, t['admin-demo'])
    const theirs = await api.data('bookings', 'create', { slotId: elsewhere.slots[0].id, topic: '融资对接', idempotencyKey: `elsewhere-${store}` }, phone.token)
    const forged = makeOfflineCode({ credential: phone.credential, deviceSecretKey: base64urlnopad.encode(ed25519.randomSecretKey()), now: serverNow(), nonce: nextNonce() })
    const actions: Action[] = [
      checkInAction(forged, serverNow()),
      checkInAction(offlineCode(phone, serverNow(600)), serverNow(600)),
      { id: randomUUID(), kind: 'problems.answer', at: serverNow().toISOString(), payload: { id: randomUUID(), version: 0 } },
      { id: randomUUID(), kind: 'bookings.markNoShow', at: serverNow().toISOString(), payload: { bookingId: randomUUID() } },
      { id: randomUUID(), kind: 'bookings.markNoShow', at: serverNow().toISOString(), payload: { bookingId: theirs.id } },
    ]
    const pushed = await push(actions)
    expect(pushed.status).toBe(200)
    const results = pushed.body.ok ? pushed.body.data.results : []
    expect(results.map((r: { ok: boolean; code: string }) => [r.ok, r.code])).toEqual([
      [false, 'TOKEN_INVALID'],
      [false, 'SYNC_TIME_INVALID'],
      [false, 'VALIDATION_FAILED'],
      [false, 'NOT_FOUND'],
      [false, 'FORBIDDEN'],
    ])
    for (const r of results) expect(r.message).toMatch(/[\u4e00-\u9fa5]/)
    const { items } = await api.data('sync', 'flags', { limit: 200 }, t['admin-demo'])
    expect(actions.every((a) => items.some((f: { id: string }) => f.id === a.id))).toBe(true)
    // A refused scan names nobody; a no-show names the booking's holder and card.
    const holderOf = (action: Action) => items.find((f: { id: string }) => f.id === action.id).holder
    expect(holderOf(actions[0])).toBeNull()
    expect(holderOf(actions[3])).toBeNull()
    expect(holderOf(actions[4])).toEqual({ id: phone.holderId, name: `测试企业bad-${store}`, cardNumber: expect.stringMatching(/^E\d+$/) })

    expect(code(await push([]))).toBe('VALIDATION_FAILED')
    expect(code(await push([{ ...actions[0], payload: { sessionId, qr: 'a\u0000' } }]))).toBe('VALIDATION_FAILED')
    for (const at of ['0000-01-01T00:00:00Z', '9999-12-31T23:59:59-12:00']) expect(code(await push([{ ...actions[0], at }]))).toBe('VALIDATION_FAILED')
    expect(code(await push([{ ...actions[0], kind: 'ratings.submit' }]))).toBe('VALIDATION_FAILED')
    expect(code(await push(actions, 'x'))).toBe('VALIDATION_FAILED')
    expect(code(await push(actions, 'desk-device-1', t['holder-demo']))).toBe('FORBIDDEN')
  })
})
