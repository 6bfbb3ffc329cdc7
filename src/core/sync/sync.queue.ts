import { SYNC_BATCH_MAX, type SyncKind, type SyncResult } from './sync.schema'

/**
 * An action a station device took without the backend (issue 14), kept on the device until `sync.push` answered it.
 * `photos` are the device's own copies of photos not uploaded yet; once uploaded their keys go into the payload.
 */
export interface QueuedAction {
  id: string
  kind: SyncKind
  at: string
  payload: Record<string, unknown>
  photos?: string[]
  /** What the device shows about it before the backend answers (who checked in, for which booking). */
  local?: { cardId?: string; holderName?: string | null; bookingId?: string | null }
  /** queued: not answered yet; done: recorded (maybe with a flag in `code`); refused: the backend said no (kept, shown). */
  state: 'queued' | 'done' | 'refused'
  code?: string
  message?: string
  serverId?: string
}

export function queueAction(queue: readonly QueuedAction[], action: Omit<QueuedAction, 'state'>): QueuedAction[] {
  return [...queue, { ...action, state: 'queued' }]
}

/** The next batch to push, in the order taken (a problem's answer after its submission). */
export function nextBatch(queue: readonly QueuedAction[], max = SYNC_BATCH_MAX): QueuedAction[] {
  return queue.filter((action) => action.state === 'queued').slice(0, max)
}

/** The backend's answers applied; an action it did not answer stays queued. */
export function settle(queue: readonly QueuedAction[], results: readonly SyncResult[]): QueuedAction[] {
  const byId = new Map(results.map((result) => [result.id, result]))
  return queue.map((action) => {
    const result = byId.get(action.id)
    if (!result || action.state !== 'queued') return action
    return { ...action, state: result.ok ? 'done' : 'refused', code: result.code, message: result.message, serverId: result.serverId }
  })
}

export interface QueueCounts {
  queued: number
  /** Recorded, but flagged for the administrator (revoked card, proof used elsewhere). */
  flagged: number
  refused: number
}

export function queueCounts(queue: readonly QueuedAction[]): QueueCounts {
  return {
    queued: queue.filter((a) => a.state === 'queued').length,
    flagged: queue.filter((a) => a.state === 'done' && a.code).length,
    refused: queue.filter((a) => a.state === 'refused').length,
  }
}

/**
 * What the device still needs to keep: everything unanswered, and answered actions of the last `keepMs` (so the desk
 * can show what became of them), at most `keepMax` of those.
 */
export function prune(queue: readonly QueuedAction[], now: Date, keepMs = 3 * 86_400_000, keepMax = 500): QueuedAction[] {
  const answered = queue.filter((a) => a.state !== 'queued' && Date.parse(a.at) > now.getTime() - keepMs).slice(-keepMax)
  const keep = new Set(answered.map((a) => a.id))
  return queue.filter((a) => a.state === 'queued' || keep.has(a.id))
}
