import { createCloudMain } from '../../platform/wechat/cloud-main'

export const main = createCloudMain('reports', async () => ({ actions: (await import('../../functions/reports/reports.actions')).reportActions }))
