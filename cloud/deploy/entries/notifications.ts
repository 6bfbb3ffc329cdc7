import { createCloudMain } from '../../platform/wechat/cloud-main'

export const main = createCloudMain('notifications', async () => ({ actions: (await import('../../functions/notifications/notifications.actions')).notificationActions }))
