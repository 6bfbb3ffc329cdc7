import { createCloudMain } from '../../platform/wechat/cloud-main'

export const main = createCloudMain('ratings', async () => ({ actions: (await import('../../functions/ratings/ratings.actions')).ratingActions }))
