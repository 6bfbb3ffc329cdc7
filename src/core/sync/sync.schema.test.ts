import { SYNC_BATCH_MAX, syncSchemas } from './sync.schema'

const action = (over: Record<string, unknown> = {}) => ({
  id: '0b8f4d2e-3c1a-4e5f-9a7b-1c2d3e4f5a6b',
  kind: 'bookings.checkIn',
  at: '2026-11-22T09:30:00+08:00',
  payload: { sessionId: '1b8f4d2e-3c1a-4e5f-9a7b-1c2d3e4f5a6b', qr: 'LDZO1.AAAA.BBBB' },
  ...over,
})
const push = (actions: unknown[]) => syncSchemas.push.safeParse({ deviceId: 'desk-device-1', actions })
const message = (result: ReturnType<typeof push>) => (result.success ? null : result.error.issues[0].message)

describe('sync.push input', () => {
  it('takes a batch of the replayable kinds', () => {
    expect(push([action(), action({ id: '2b8f4d2e-3c1a-4e5f-9a7b-1c2d3e4f5a6b', kind: 'problems.defer' })]).success).toBe(true)
    expect(message(push([action({ kind: 'ratings.submit' })]))).not.toBeNull()
  })

  it('refuses an empty batch, an oversized one and one id twice', () => {
    expect(message(push([]))).toBe('没有要同步的操作')
    const many = Array.from({ length: SYNC_BATCH_MAX + 1 }, (_, i) => action({ id: `0b8f4d2e-3c1a-4e5f-9a7b-${String(i).padStart(12, '0')}` }))
    expect(message(push(many))).toBe(`每次最多同步${SYNC_BATCH_MAX}条操作，请分批同步`)
    expect(message(push([action(), action()]))).toBe('同一批操作的编号不能重复')
  })

  it('refuses what PostgreSQL could not store: U+0000, a lone surrogate, a time outside 2020–2099', () => {
    expect(message(push([action({ payload: { qr: 'a\u0000' } })]))).toBe('不能包含控制字符或无效字符')
    expect(message(push([action({ payload: { title: '\ud800' } })]))).toBe('不能包含控制字符或无效字符')
    expect(push([action({ payload: { title: '诉求😀' } })]).success).toBe(true)
    for (const at of ['2019-12-31T23:59:59Z', '2100-01-01T00:00:00Z', '9999-12-31T23:59:59-12:00']) {
      expect(message(push([action({ at })]))).toBe('操作时间不正确，请核对本机时间')
    }
  })
})
