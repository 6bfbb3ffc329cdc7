import { surveyActions } from '../../functions/surveys/surveys.actions'
import { createCloudMain } from '../../platform/wechat/cloud-main'

export const main = createCloudMain('surveys', surveyActions)
