import type { UserView } from '@/core/auth/roles'
import type { ProblemDetail, ProblemView, TimelineEvent } from '@/core/problem/problem.schema'
import type { PhotoSource, Uploader } from '@/api/upload'
import type { Result } from '@/core/errors/result'

export const PROBLEM_ID = 'aaaaaaaa-0000-4000-8000-000000000001'

export const handlerUser: UserView = { id: 'u-handler', name: '赵经办', roles: ['handler'], departmentId: 'd1' }
export const leaderUser: UserView = { id: 'u-leader', name: '钱领导', roles: ['leader'], departmentId: null }

export function problemView(over: Partial<ProblemView> = {}): ProblemView {
  return {
    id: PROBLEM_ID,
    number: 'P2030-000001',
    category: 'planning',
    title: '厂房规划许可办理进度',
    description: '二期厂房规划许可已提交两个月，想了解进度。',
    photos: [],
    status: 'submitted',
    source: 'holder',
    holderId: 'h1',
    holderName: '三河智造科技有限公司',
    contactPhone: '138****5678',
    bookingId: null,
    reply: null,
    deferral: null,
    departmentId: null,
    departmentName: null,
    leaderId: null,
    leaderName: null,
    plan: null,
    resolution: null,
    escalated: false,
    overdue: false,
    version: 3,
    deadlines: null,
    nextDeadline: null,
    createdAt: '2030-03-11T02:00:00.000Z',
    updatedAt: '2030-03-11T02:00:00.000Z',
    availableActions: [],
    ...over,
  }
}

export function event(over: Partial<TimelineEvent> & { id: string; at: string }): TimelineEvent {
  return {
    actorName: '张经理',
    actorRole: 'holder',
    action: 'submit',
    fromStatus: null,
    toStatus: 'submitted',
    note: null,
    ...over,
  }
}

export function problemDetail(over: Partial<ProblemDetail> = {}): ProblemDetail {
  return { ...problemView(over), timeline: over.timeline ?? [event({ id: 'e1', at: '2030-03-11T02:00:00.000Z' })] }
}

/** An uploader that answers keys in order and records what it was given. */
export class FakeUploader implements Uploader {
  uploads: PhotoSource[] = []
  constructor(
    private readonly answer: (n: number) => Result<{ key: string; url: string }> = (n) => ({
      ok: true,
      data: { key: `uploads/photo-${n}.jpg`, url: `http://host/uploads/photo-${n}.jpg?exp=1&sig=s` },
    }),
  ) {}
  async upload(source: PhotoSource) {
    this.uploads.push(source)
    return this.answer(this.uploads.length)
  }
  url(link: string) {
    return `http://host/${link}`
  }
}
