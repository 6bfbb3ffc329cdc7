import { and, asc, count, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm'
import { shanghaiInstant, shanghaiWallTime, type IsoDate } from '../../../src/core/calendar/shanghai-time'
import { fail, isFailure, type Failure } from '../../../src/core/errors'
import { slotsFor } from '../../../src/core/station/session.plan'
import type { SessionKind, SessionView, StationView } from '../../../src/core/station/station.schema'
import { departments, sessions, slots, stations, users } from '../../db/schema'
import type { Caller } from '../action'
import type { Tx } from '../../db/store'

type StationRow = typeof stations.$inferSelect
type SessionRow = typeof sessions.$inferSelect

export function toStationView(row: StationRow): StationView {
  return {
    id: row.id,
    name: row.name,
    area: row.area,
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    contactPhone: row.phone,
  }
}

/** Sessions with their station and slots, in date and start order. */
export async function loadSessions(tx: Tx, where: SQL | undefined, limit = 500): Promise<SessionView[]> {
  const rows = await tx
    .select()
    .from(sessions)
    .innerJoin(stations, eq(sessions.stationId, stations.id))
    .where(where)
    .orderBy(asc(sessions.date), asc(sessions.startsAt))
    .limit(limit)
  if (rows.length === 0) return []
  const slotRows = await tx
    .select()
    .from(slots)
    .where(inArray(slots.sessionId, rows.map((r) => r.sessions.id)))
    .orderBy(asc(slots.startsAt))
  return rows.map(({ sessions: s, stations: station }) => toSessionView(s, station, slotRows.filter((slot) => slot.sessionId === s.id)))
}

function toSessionView(s: SessionRow, station: StationRow, slotRows: Array<typeof slots.$inferSelect>): SessionView {
  return {
    id: s.id,
    stationId: s.stationId,
    station: toStationView(station),
    kind: s.kind,
    status: s.status,
    date: s.date,
    start: shanghaiWallTime(s.startsAt),
    end: shanghaiWallTime(s.endsAt),
    slotMinutes: s.slotMinutes,
    departmentIds: s.departmentIds,
    staffIds: s.staffIds,
    fixedDayId: s.fixedDayId,
    cancelReason: s.cancelReason,
    slots: slotRows.map((slot) => ({
      id: slot.id,
      start: slot.startsAt.toISOString(),
      end: slot.endsAt.toISOString(),
      capacity: slot.capacity,
      booked: slot.booked,
    })),
  }
}

export async function findSession(tx: Tx, id: string): Promise<SessionView | null> {
  const [view] = await loadSessions(tx, eq(sessions.id, id), 1)
  return view ?? null
}

export interface NewSession {
  stationId: string
  kind: SessionKind
  date: IsoDate
  start: string
  end: string
  slotMinutes: number
  capacity: number
  departmentIds: string[]
  staffIds: string[]
  fixedDayId: string | null
  createdBy: string
}

/**
 * Creates a session and its slots. A fixed day's session for a date that exists already is left alone (returns null),
 * so generating the coming weeks twice is harmless.
 */
export async function createSession(tx: Tx, input: NewSession, newId: () => string): Promise<string | null | Failure> {
  const intervals = slotsFor(input)
  if (isFailure(intervals)) return intervals
  const id = newId()
  const [inserted] = await tx
    .insert(sessions)
    .values({
      id,
      stationId: input.stationId,
      fixedDayId: input.fixedDayId,
      kind: input.kind,
      status: 'scheduled',
      date: input.date,
      startsAt: shanghaiInstant(input.date, input.start),
      endsAt: shanghaiInstant(input.date, input.end),
      slotMinutes: input.slotMinutes,
      departmentIds: input.departmentIds,
      staffIds: input.staffIds,
      createdBy: input.createdBy,
    })
    .onConflictDoNothing()
    .returning({ id: sessions.id })
  if (!inserted) return null
  await tx.insert(slots).values(
    intervals.data.map((slot) => ({
      id: newId(),
      sessionId: id,
      startsAt: new Date(slot.start),
      endsAt: new Date(slot.end),
      capacity: input.capacity,
    })),
  )
  return id
}

/** Roster and departments must name real, active staff and departments; arrays cannot carry foreign keys. */
export async function checkRoster(tx: Tx, roster: { staffIds: string[]; departmentIds: string[] }): Promise<Failure | null> {
  if (roster.staffIds.length > 0) {
    const [{ n }] = await tx
      .select({ n: count() })
      .from(users)
      .where(and(inArray(users.id, roster.staffIds), sql`'staff' = ANY(${users.roles})`, isNull(users.deactivatedAt)))
    if (n !== new Set(roster.staffIds).size) return fail('VALIDATION_FAILED', '所选工作人员中有人不存在或已停用')
  }
  if (roster.departmentIds.length > 0) {
    const [{ n }] = await tx.select({ n: count() }).from(departments).where(and(inArray(departments.id, roster.departmentIds), isNull(departments.deactivatedAt)))
    if (n !== new Set(roster.departmentIds).size) return fail('VALIDATION_FAILED', '所选部门中有的不存在或已停用')
  }
  return null
}

/** The station must exist and the roster must be real: what every new session or fixed day checks first. */
export async function stationRoster(
  tx: Tx,
  input: { stationId: string; staffIds?: string[]; departmentIds?: string[] },
): Promise<{ staffIds: string[]; departmentIds: string[] } | Failure> {
  const [station] = await tx.select({ id: stations.id }).from(stations).where(eq(stations.id, input.stationId))
  if (!station) return fail('NOT_FOUND', '服务站不存在')
  const roster = { staffIds: input.staffIds ?? [], departmentIds: input.departmentIds ?? [] }
  return (await checkRoster(tx, roster)) ?? roster
}

/** Staff work only the sessions they are rostered on; admins work all. Others' sessions look missing. */
export async function workableSession(tx: Tx, sessionId: string, caller: Caller) {
  const [session] = await tx.select().from(sessions).where(eq(sessions.id, sessionId))
  if (!session) return fail('NOT_FOUND', '场次不存在')
  if (!caller.roles.includes('admin') && !session.staffIds.includes(caller.id)) return fail('FORBIDDEN', '您不在该场次的工作人员名单中')
  return session
}
