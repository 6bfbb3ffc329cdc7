import { createCloudMain } from '../../platform/wechat/cloud-main'

export const main = createCloudMain('jobs', async () => {
  const [{ jobActions }, { runJobs }] = await Promise.all([import('../../functions/jobs/jobs.actions'), import('../../functions/jobs/run-jobs')])
  return { actions: jobActions, jobs: runJobs }
})
