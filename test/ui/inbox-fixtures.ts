import type { InboxItemView } from '@/core/notification/notification.schema'

export function inboxItem(over: Partial<InboxItemView> & { id: number }): InboxItemView {
  return {
    template: 'problem.signed',
    title: '诉求已签收',
    body: '您的诉求「厂房用地指标」（P2026-000123）已由区自然资源局签收办理。',
    createdAt: '2026-11-05T01:30:00.000Z',
    readAt: null,
    delivery: 'inbox_only',
    link: 'pages/problems/detail?id=aaaaaaaa-0000-4000-8000-000000000001',
    ...over,
  }
}
