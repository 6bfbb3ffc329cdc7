import { jobActions } from '../../functions/jobs/jobs.actions'
import { runJobs } from '../../functions/jobs/run-jobs'
import { createCloudMain } from '../../platform/wechat/cloud-main'

export const main = createCloudMain('jobs', jobActions, runJobs)
