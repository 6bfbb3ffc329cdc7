import { randomBytes, randomUUID } from 'node:crypto'
import { DEFAULT_MIN_NOTICE_MINUTES } from '../../src/core/booking/booking.rules'
import type { WorkingDayOptions } from '../../src/core/calendar/working-days'
import type { Services } from '../functions/action'
import { districtCalendar } from '../functions/org/calendar.queries'
import type { Db } from '../db/store'
import type { Notifier } from '../platform/notify/sender'
import type { Secrets } from '../platform/secrets'
import { createSessionSigner } from '../platform/session'
import { photoLinks, type LocalUploads } from '../platform/uploads'
import { noCode2Session, type Code2Session } from '../platform/code2session'

/** The real clock, ids and randomness: the only place the backend reaches for them. */
export function createServices(
  db: Db,
  secrets: Secrets,
  options: { devLogin: boolean; notify: Notifier; minNoticeMinutes?: number; clockStart?: Date; calendar?: WorkingDayOptions; code2session?: Code2Session; uploadFiles?: LocalUploads },
): Services {
  const { clockStart } = options
  const bootedAt = Date.now()
  return {
    db,
    secrets,
    sessions: createSessionSigner(secrets.sessionSecret),
    photoLinks: photoLinks(secrets.sessionSecret),
    devLogin: options.devLogin,
    minNoticeMinutes: options.minNoticeMinutes ?? DEFAULT_MIN_NOTICE_MINUTES,
    clock: clockStart ? () => new Date(clockStart.getTime() + (Date.now() - bootedAt)) : () => new Date(),
    calendar: options.calendar ?? {},
    calendarSource: districtCalendar(options.calendar ?? {}),
    newId: () => randomUUID(),
    randomBytes: (length) => new Uint8Array(randomBytes(length)),
    notify: options.notify,
    code2session: options.code2session ?? noCode2Session,
    uploadFiles: options.uploadFiles,
  }
}
