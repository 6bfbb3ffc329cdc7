import { isoDate, wallTime } from '../calendar/calendar.schema'
import { isWallTime, minutesOfDay } from '../calendar/shanghai-time'
import * as z from 'zod'
import { id, idempotencyKey, line, text } from '../common/zod'
import { PROBLEM_CATEGORIES } from '../problem/problem.labels'
import type { SessionStatus } from '../station/session.kinds'
import { FORUM_FORMATS, FORUM_LIMITS as L, type ForumFormat, type TopicStatus } from './forum.labels'

export * from './forum.labels'

/** Inputs of the `forums` area's actions (DESIGN.md §3 transport: `{ action, ...payload }`). */
export const forumSchemas = {
  /** An administrator schedules a meeting at a station (its venue inside it optional) for `capacity` enterprises. */
  create: z
    .strictObject({
      stationId: id,
      format: z.enum(FORUM_FORMATS, '请选择座谈会形式'),
      title: line(L.title.max, L.title.min),
      venue: line(L.venue.max, L.venue.min).optional(),
      date: isoDate,
      start: wallTime,
      end: wallTime,
      capacity: z.number().int().min(L.capacity.min, `名额至少${L.capacity.min}个`).max(L.capacity.max, `名额最多${L.capacity.max}个`),
      departmentIds: z.array(id).max(50).optional(),
    })
    .superRefine((value, ctx) => {
      if (!isWallTime(value.start) || !isWallTime(value.end)) return
      const minutes = minutesOfDay(value.end) - minutesOfDay(value.start)
      if (minutes < L.minutes.min || minutes > L.minutes.max) {
        ctx.addIssue({ code: 'custom', path: ['end'], message: `会议时长应在${L.minutes.min}分钟到${L.minutes.max / 60}小时之间` })
      }
    }),
  /** Recent and coming meetings (holders: those not cancelled). */
  list: z.strictObject({}),
  /** One meeting with the topics the caller may see: a holder their enterprise's, administrators and leaders all. */
  get: z.strictObject({ sessionId: id }),
  /** 报名: a seat of the meeting; again (any key) answers the sign-up already made. */
  signUp: z.strictObject({ sessionId: id, idempotencyKey }),
  /** 提交议题 before the meeting starts, by a holder who signed up. */
  submitTopic: z.strictObject({
    sessionId: id,
    title: line(L.topicTitle.max, L.topicTitle.min),
    description: text(L.topicDescription.max, L.topicDescription.min),
    idempotencyKey,
  }),
  /** 当场解决: after the meeting started, an administrator records how the topic was answered there. */
  settle: z.strictObject({ topicId: id, note: text(L.note.max, L.note.min) }),
  /** 转为诉求: the topic becomes a problem assigned to the department, with the topic's author as its holder. */
  toProblem: z.strictObject({ topicId: id, departmentId: id, category: z.enum(PROBLEM_CATEGORIES, '请选择诉求类别') }),
}

export type ForumCreateInput = z.output<typeof forumSchemas.create>

export interface ForumView {
  sessionId: string
  format: ForumFormat
  title: string
  venue: string | null
  station: { id: string; name: string; address: string }
  date: string
  /** Instants (ISO 8601) of the meeting's start and end. */
  start: string
  end: string
  status: SessionStatus
  cancelReason: string | null
  capacity: number
  signedUp: number
  /** The caller's confirmed or attended sign-up (holders; null otherwise or when none). */
  mySignUp: { bookingId: string; status: string } | null
  /** Topics the caller may see. */
  topicCount: number
}

export interface TopicView {
  id: string
  sessionId: string
  title: string
  description: string
  status: TopicStatus
  note: string | null
  problem: { id: string; number: string } | null
  /** The enterprise that raised it: administrators and leaders only (a holder sees only their own). */
  holderName: string | null
  createdAt: string
  decidedAt: string | null
}

export interface ForumResponses {
  create: ForumView
  list: { items: ForumView[] }
  get: ForumView & { topics: TopicView[] }
  signUp: ForumView
  submitTopic: TopicView
  settle: TopicView
  toProblem: TopicView
}
