import { createCloudMain } from '../../platform/wechat/cloud-main'

export const main = createCloudMain('policies', async () => ({ actions: (await import('../../functions/policies/policies.actions')).policyActions }))
