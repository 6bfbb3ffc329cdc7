import { FORUM_FORMAT_LABELS } from '@/core/forum/forum.labels'
import type { ForumView } from '@/core/forum/forum.schema'
import { momentText, shanghaiClock } from './time'

/** '12月10日 周四 07:30–09:00 · 区政务服务中心 三楼会议室': when and where a meeting is, on the holder's and the admin's pages. */
export function forumWhenWhere(forum: Pick<ForumView, 'start' | 'end' | 'station' | 'venue'>): string {
  return `${momentText(forum.start)}–${shanghaiClock(forum.end)} · ${forum.station.name}${forum.venue ? ` ${forum.venue}` : ''}`
}

export const formatLabel = (forum: Pick<ForumView, 'format'>): string => FORUM_FORMAT_LABELS[forum.format]
