import { createCloudMain } from '../../platform/wechat/cloud-main'

export const main = createCloudMain('forums', async () => ({ actions: (await import('../../functions/forums/forums.actions')).forumActions }))
