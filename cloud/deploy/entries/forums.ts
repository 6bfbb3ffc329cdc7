import { forumActions } from '../../functions/forums/forums.actions'
import { createCloudMain } from '../../platform/wechat/cloud-main'

export const main = createCloudMain('forums', forumActions)
