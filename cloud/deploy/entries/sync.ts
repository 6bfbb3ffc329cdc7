import { createCloudMain } from '../../platform/wechat/cloud-main'

export const main = createCloudMain('sync', async () => ({ actions: (await import('../../functions/sync/sync.actions')).syncActionTable }))
