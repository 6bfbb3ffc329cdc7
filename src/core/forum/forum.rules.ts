import { fail, ok, type Result } from '../errors'
import { PROBLEM_LIMITS } from '../problem/problem.limits'
import type { SessionStatus } from '../station/session.kinds'
import { FORUM_FORMAT_LABELS, type ForumFormat, type TopicStatus } from './forum.labels'

/**
 * The quarterly forum's rules (政企面对面, issue 16): topics are raised before the meeting by enterprises that signed up,
 * and decided after it has begun, each once — settled there, or handed to the ledger.
 */
export interface ForumMoment {
  status: SessionStatus
  startsAt: Date
}

/** A holder may raise a topic while the meeting has not begun and is not cancelled, once signed up for it. */
export function checkTopicOpen(forum: ForumMoment, signedUp: boolean, now: Date): Result<null> {
  if (forum.status === 'cancelled') return fail('SESSION_CANCELLED')
  if (now >= forum.startsAt) return fail('FORUM_TOPICS_CLOSED')
  return signedUp ? ok(null) : fail('FORUM_SIGN_UP_REQUIRED')
}

export type TopicOutcome = 'settled' | 'problem'

/**
 * Whether an administrator may decide a topic now: once the meeting has begun (it is decided in or after it), and only
 * a topic still waiting. The same outcome asked again is a replay (`replay: true`: answer what was decided); the other
 * outcome is refused, since the first one stands.
 */
export function decideTopic(forum: ForumMoment, topic: { status: TopicStatus }, outcome: TopicOutcome, now: Date): Result<{ replay: boolean }> {
  if (topic.status === outcome) return ok({ replay: true })
  if (topic.status !== 'submitted') return fail('INVALID_TRANSITION', topic.status === 'settled' ? '该议题已当场解决' : '该议题已转为诉求')
  if (forum.status === 'cancelled') return fail('SESSION_CANCELLED')
  if (now < forum.startsAt) return fail('FORUM_NOT_HELD')
  return ok({ replay: false })
}

const cut = (value: string, max: number) => (value.length > max ? `${value.slice(0, max - 1)}…` : value)

/** A topic as the problem it becomes: its own title, and a description that says at which meeting it was raised. */
export function topicProblemDraft(forum: { format: ForumFormat; title: string; date: string }, topic: { title: string; description: string }) {
  return {
    title: cut(topic.title, PROBLEM_LIMITS.title.max),
    description: cut(
      `${forum.date}${FORUM_FORMAT_LABELS[forum.format]}「${forum.title}」上提出的议题，会上未能解决，转为诉求办理。\n${topic.description}`,
      PROBLEM_LIMITS.description.max,
    ),
  }
}
