import { createCloudMain } from '../../platform/wechat/cloud-main'

export const main = createCloudMain('surveys', async () => ({ actions: (await import('../../functions/surveys/surveys.actions')).surveyActions }))
