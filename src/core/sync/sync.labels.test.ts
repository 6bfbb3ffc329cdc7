import { SYNC_FLAGS, SYNC_KINDS } from './sync.schema'
import { SYNC_KIND_LABELS, syncFlagSummary } from './sync.labels'

describe('offline flags in plain words', () => {
  it('names every kind and flag in Chinese', () => {
    for (const kind of SYNC_KINDS) expect(SYNC_KIND_LABELS[kind]).toMatch(/^[\u4e00-\u9fa5]+$/)
    const titles = SYNC_FLAGS.map((code) => syncFlagSummary({ ok: true, code }).title)
    expect(new Set(titles).size).toBe(SYNC_FLAGS.length)
    for (const title of titles) expect(title).not.toMatch(/[A-Z_]/)
  })

  it('says whether the action counted', () => {
    expect(syncFlagSummary({ ok: true, code: 'OFFLINE_REVOKED' })).toMatchObject({ recorded: true, title: expect.stringContaining('注销') })
    expect(syncFlagSummary({ ok: true, code: 'OFFLINE_REPLAYED' })).toMatchObject({ recorded: true, title: expect.stringContaining('两台设备') })
    expect(syncFlagSummary({ ok: false, code: 'TOKEN_INVALID' })).toMatchObject({ recorded: false, title: '同步时被拒绝，未记录' })
  })
})
