import type { z } from 'zod'
import type { Failure } from '../../src/core/errors'
import type { Role, UserView } from '../../src/core/auth/roles'
import type { WorkingDayOptions } from '../../src/core/calendar/working-days'
import type { Db } from '../db/store'
import type { CalendarSource } from './org/calendar.queries'
import type { Notifier } from '../platform/notify/sender'
import type { Secrets } from '../platform/secrets'
import type { SessionSigner } from '../platform/session'
import type { Code2Session } from '../platform/code2session'
import type { LocalUploads, PhotoLinks } from '../platform/uploads'

/** Who calls: the user, and on the HTTP host the session they signed in with (so logout can end it). */
export type Caller = UserView & { sessionId?: string }

/** Who may call an action: anyone, any signed-in user, or users holding one of the roles. */
export type Access = 'public' | 'signedIn' | readonly Role[]

/** Everything an action may use; built per request by the host or the cloud entry. */
export interface Services {
  db: Db
  secrets: Secrets
  sessions: SessionSigner
  /** Expiring links to the local host's photos (problem views carry these, not bare keys). */
  photoLinks: PhotoLinks
  /** The host's photo files, for the job that removes unreferenced ones; absent in the cloud (cloud storage keeps them). */
  uploadFiles?: Pick<LocalUploads, 'remove' | 'writtenBefore'>
  devLogin: boolean
  /** Minimum notice, in minutes, for a holder to cancel or reschedule a booking. */
  minNoticeMinutes: number
  clock: () => Date
  /**
   * Working days and holidays in force for this call: the district's confirmed years, chinese-days for the others,
   * HOLIDAY_OVERRIDES on top. Loaded from `calendarSource` by the router and the job runner (see withCalendar).
   */
  calendar: WorkingDayOptions
  calendarSource: CalendarSource
  newId: () => string
  /** Pushes subscribe messages for the delivery job; the outbox itself is written by the use cases. */
  notify: Notifier
  randomBytes: (length: number) => Uint8Array
  /** WeChat's code2session on the HTTP host (auth.login); unavailable where no AppID/AppSecret is configured. */
  code2session: Code2Session
  /**
   * Publishes a generated file (a report workbook) for download and returns its URL. Wired in the WeChat cloud (cloud
   * storage, temporary URL); absent on the local host, which serves such files from its own routes.
   */
  publishFile?: (cloudPath: string, bytes: Buffer) => Promise<string>
}

export interface ActionContext<A extends Access = Access> extends Services {
  caller: A extends 'public' ? Caller | null : Caller
  now: Date
}

/** The context of any action that requires a signed-in caller, whatever its roles. */
export type SignedInContext = Services & { caller: Caller; now: Date }

export interface ActionDef<S extends z.ZodType, A extends Access, R> {
  input: S
  access: A
  run(input: z.output<S>, ctx: ActionContext<A>): Promise<R | Failure>
}

/** Whether a signed-in caller may call an action of this access. */
export function mayCall(access: Access, caller: Caller): boolean {
  return access === 'public' || access === 'signedIn' || access.some((role) => caller.roles.includes(role))
}

export function defineAction<S extends z.ZodType, A extends Access, R>(def: ActionDef<S, A, R>): ActionDef<S, A, R> {
  return def
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAction = ActionDef<z.ZodType, Access, any>
export type ActionTable = Record<string, AnyAction>

/** The services with the working-day calendar as it is now (the database's, cached per instance). */
export async function withCalendar<T extends Services>(services: T): Promise<T> {
  return { ...services, calendar: await services.calendarSource.load(services.db) }
}
