/**
 * 政企面对面 (issue 16): the quarterly 政企座谈会 and 企业家早餐会, and what happens to a topic raised for one. Zod-free, so
 * pages read the labels and limits without loading the schemas.
 */
export const FORUM_FORMATS = ['symposium', 'breakfast'] as const
export type ForumFormat = (typeof FORUM_FORMATS)[number]

export const FORUM_FORMAT_LABELS: Record<ForumFormat, string> = { symposium: '政企座谈会', breakfast: '企业家早餐会' }

/** submitted: waits for the meeting; settled: answered there (当场解决); problem: handed to the ledger (转为诉求). */
export const TOPIC_STATUSES = ['submitted', 'settled', 'problem'] as const
export type TopicStatus = (typeof TOPIC_STATUSES)[number]

export const TOPIC_STATUS_LABELS: Record<TopicStatus, string> = { submitted: '待座谈', settled: '当场解决', problem: '已转为诉求' }

/** Input lengths and sizes; forumSchemas validates by them and the pages size their inputs by the same numbers. */
export const FORUM_LIMITS = {
  title: { min: 2, max: 60 },
  venue: { min: 1, max: 60 },
  topicTitle: { min: 2, max: 60 },
  topicDescription: { min: 5, max: 1000 },
  note: { min: 2, max: 500 },
  capacity: { min: 2, max: 300 },
  /** Topics one enterprise raises for one meeting. */
  topicsPerHolder: 10,
  /** A meeting lasts half an hour to a working day. */
  minutes: { min: 30, max: 480 },
} as const
