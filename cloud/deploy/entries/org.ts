import { orgActions } from '../../functions/org/org.actions'
import { createCloudMain } from '../../platform/wechat/cloud-main'

export const main = createCloudMain('org', orgActions)
