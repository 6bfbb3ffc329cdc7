import { authActions } from '../../functions/auth/auth.actions'
import { createCloudMain } from '../../platform/wechat/cloud-main'

export const main = createCloudMain('auth', authActions)
