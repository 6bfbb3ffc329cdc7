import { createCloudMain } from '../../platform/wechat/cloud-main'

export const main = createCloudMain('auth', async () => ({ actions: (await import('../../functions/auth/auth.actions')).authActions }))
