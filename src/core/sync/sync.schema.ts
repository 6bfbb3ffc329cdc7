import * as z from 'zod'
import '../common/zod'

/**
 * The online actions a station device may queue offline and push later (issue 14). Each action's `payload` is the
 * input of the action named by `kind`, checked by that action's own schema when it is replayed; `problems.answer` and
 * `problems.defer` may name, as `id`, the client id of a `problems.submit` queued before them, and `problems.submit`
 * may name, as `holderId`, the client id of the `bookings.checkIn` of that holder (a walk-in is not in the kit).
 */
export const SYNC_KINDS = ['bookings.checkIn', 'bookings.markNoShow', 'problems.submit', 'problems.answer', 'problems.defer'] as const
export type SyncKind = (typeof SYNC_KINDS)[number]

/** The flags of an action recorded despite what the backend learned afterwards. */
export const SYNC_FLAGS = ['OFFLINE_REVOKED', 'OFFLINE_REPLAYED'] as const
export type SyncFlag = (typeof SYNC_FLAGS)[number]

export const SYNC_BATCH_MAX = 200

const deviceId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '设备标识格式不正确')

/**
 * The instants an offline action may carry: outside them is a broken clock (and PostgreSQL has no year 0, nor reads
 * JavaScript's six-digit years). Times ahead of the server are refused later, against its clock.
 */
const EARLIEST = Date.UTC(2020, 0, 1)
const LATEST = Date.UTC(2100, 0, 1)

/**
 * A payload is kept as received (jsonb) before its action's own schema reads it: PostgreSQL refuses U+0000 and lone
 * surrogates in jsonb, which JSON.stringify writes as escapes.
 */
const storable = (payload: Record<string, unknown>) => !/\\u(0000|d[89a-f][0-9a-f]{2})/i.test(JSON.stringify(payload))

export const syncSchemas = {
  push: z.strictObject({
    deviceId,
    actions: z
      .array(
        z.strictObject({
          /** The device's id of the action, also its idempotency key. */
          id: z.uuid(),
          kind: z.enum(SYNC_KINDS),
          /** When it happened on the device. */
          at: z.iso.datetime({ offset: true }).refine((at) => Date.parse(at) >= EARLIEST && Date.parse(at) < LATEST, '操作时间不正确，请核对本机时间'),
          payload: z.record(z.string(), z.unknown()).refine(storable, '不能包含控制字符或无效字符'),
        }),
      )
      .min(1, '没有要同步的操作')
      .max(SYNC_BATCH_MAX, `每次最多同步${SYNC_BATCH_MAX}条操作，请分批同步`)
      .refine((actions) => new Set(actions.map((a) => a.id)).size === actions.length, '同一批操作的编号不能重复'),
  }),
  /** Flagged and refused offline actions: all for administrators, their department's for handlers. */
  flags: z.strictObject({ limit: z.int().min(1).max(200).default(50) }),
}

export interface SyncResult {
  id: string
  ok: boolean
  /** A refusal's code (ok false), or a flag of an action recorded anyway (ok true). */
  code?: string
  message?: string
  /** The visit, booking or problem the action made or changed. */
  serverId?: string
}

/** Who a flagged action concerns, as far as the backend can tell (a refused scan names nobody). */
export interface SyncFlagHolder {
  id: string
  name: string
  /** The card the visit or booking used, else the holder's latest card; null when the holder has none. */
  cardNumber: string | null
}

export interface SyncFlagView extends SyncResult {
  kind: SyncKind
  at: string
  deviceId: string
  pushedBy: { id: string; name: string }
  receivedAt: string
  payload: Record<string, unknown>
  holder: SyncFlagHolder | null
}

export interface SyncResponses {
  push: { results: SyncResult[] }
  flags: { items: SyncFlagView[] }
}
