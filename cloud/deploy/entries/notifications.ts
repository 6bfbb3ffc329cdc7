import { notificationActions } from '../../functions/notifications/notifications.actions'
import { createCloudMain } from '../../platform/wechat/cloud-main'

export const main = createCloudMain('notifications', notificationActions)
