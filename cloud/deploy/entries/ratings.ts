import { ratingActions } from '../../functions/ratings/ratings.actions'
import { createCloudMain } from '../../platform/wechat/cloud-main'

export const main = createCloudMain('ratings', ratingActions)
