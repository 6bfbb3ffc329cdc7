import { commissionerActions } from '../../functions/commissioners/commissioners.actions'
import { createCloudMain } from '../../platform/wechat/cloud-main'

export const main = createCloudMain('commissioners', commissionerActions)
