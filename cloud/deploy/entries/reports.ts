import { reportActions } from '../../functions/reports/reports.actions'
import { createCloudMain } from '../../platform/wechat/cloud-main'

export const main = createCloudMain('reports', reportActions)
