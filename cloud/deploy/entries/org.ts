import { createCloudMain } from '../../platform/wechat/cloud-main'

export const main = createCloudMain('org', async () => ({ actions: (await import('../../functions/org/org.actions')).orgActions }))
