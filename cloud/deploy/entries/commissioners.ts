import { createCloudMain } from '../../platform/wechat/cloud-main'

export const main = createCloudMain('commissioners', async () => ({ actions: (await import('../../functions/commissioners/commissioners.actions')).commissionerActions }))
