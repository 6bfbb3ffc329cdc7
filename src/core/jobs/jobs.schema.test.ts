import { JOB_LABELS, JOBS, jobSchemas } from './jobs.schema'

describe('jobs.run', () => {
  it('knows the scheduled jobs, each with a Chinese label', () => {
    expect(JOBS).toEqual(['serviceDays', 'overdue', 'reminders', 'contactCadence', 'policyDeadlines', 'monthlyReport', 'deliver', 'uploadCleanup'])
    for (const job of JOBS) {
      expect(JOB_LABELS[job]).toMatch(/[\u4e00-\u9fa5]/)
      expect(jobSchemas.run.parse({ job })).toEqual({ job })
    }
  })

  it('refuses unknown jobs and extra fields', () => {
    expect(jobSchemas.run.safeParse({ job: 'report' }).success).toBe(false)
    expect(jobSchemas.run.safeParse({}).success).toBe(false)
    expect(jobSchemas.run.safeParse({ job: 'deliver', now: '2026-10-01' }).success).toBe(false)
  })
})
