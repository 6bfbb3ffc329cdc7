import { nextBatch, prune, queueAction, queueCounts, settle, type QueuedAction } from './sync.queue'

const action = (n: number, at = '2026-11-24T01:30:00Z') => ({ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, kind: 'bookings.checkIn' as const, at, payload: { n } })

describe('the offline desk queue', () => {
  it('pushes in the order taken, in batches', () => {
    let queue: QueuedAction[] = []
    for (let n = 0; n < 250; n++) queue = queueAction(queue, action(n))
    expect(nextBatch(queue)).toHaveLength(200)
    expect(nextBatch(queue, 3).map((a) => a.payload.n)).toEqual([0, 1, 2])
  })

  it('applies answers: recorded, flagged, refused; unanswered stays queued', () => {
    let queue: QueuedAction[] = [0, 1, 2, 3].reduce<QueuedAction[]>((q, n) => queueAction(q, action(n)), [])
    queue = settle(queue, [
      { id: action(0).id, ok: true, serverId: 'v0' },
      { id: action(1).id, ok: true, code: 'OFFLINE_REPLAYED', message: '已在其他设备使用' },
      { id: action(2).id, ok: false, code: 'TOKEN_INVALID', message: '无效' },
    ])
    expect(queue.map((a) => a.state)).toEqual(['done', 'done', 'refused', 'queued'])
    expect(queue[0].serverId).toBe('v0')
    expect(queueCounts(queue)).toEqual({ queued: 1, flagged: 1, refused: 1 })
    expect(nextBatch(queue).map((a) => a.id)).toEqual([action(3).id])
    // The same answers again change nothing.
    expect(settle(queue, [{ id: action(2).id, ok: true }])).toEqual(queue)
  })

  it('forgets answered actions after three days, never unanswered ones', () => {
    const old = '2026-11-20T01:00:00Z'
    let queue = [queueAction([], action(0, old))[0], queueAction([], action(1, old))[0], queueAction([], action(2))[0]]
    queue = settle(queue, [{ id: action(0).id, ok: true }])
    expect(prune(queue, new Date('2026-11-24T02:00:00Z')).map((a) => a.payload.n)).toEqual([1, 2])
  })
})
