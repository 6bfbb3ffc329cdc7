import { policyActions } from '../../functions/policies/policies.actions'
import { createCloudMain } from '../../platform/wechat/cloud-main'

export const main = createCloudMain('policies', policyActions)
