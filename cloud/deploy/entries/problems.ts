import { problemActions } from '../../functions/problems/problems.actions'
import { createCloudMain } from '../../platform/wechat/cloud-main'

export const main = createCloudMain('problems', problemActions)
