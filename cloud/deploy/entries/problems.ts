import { createCloudMain } from '../../platform/wechat/cloud-main'

export const main = createCloudMain('problems', async () => ({ actions: (await import('../../functions/problems/problems.actions')).problemActions }))
