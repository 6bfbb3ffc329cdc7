import ExcelJS from 'exceljs'
import type { Store } from '../../cloud/db/store'
import type { ActionContext, Caller } from '../../cloud/functions/action'
import { generateMonthlyReports } from '../../cloud/functions/reports/monthly.job'
import { reportActions } from '../../cloud/functions/reports/reports.actions'
import { TEMP_URL_SECONDS, wechatFilePublisher } from '../../cloud/platform/wechat/files'
import { describeOnPostgres, seededStore } from '../support/seeded-store'

jest.setTimeout(60_000)

/**
 * The cloud path of reports.export: where `publishFile` is wired (cloud-main.ts), the action builds the workbook and
 * answers the storage URL instead of the host's GET route. Run in process, so on PostgreSQL (PGlite's WASM loading
 * needs a flag jest does not set); the WeChat SDK is a stand-in that records what it was given.
 */
describeOnPostgres('reports.export in the cloud', () => {
  const seeded = seededStore('2026-10-12T09:00:00+08:00')
  let store: Store
  let leader: Caller
  const november = new Date('2026-11-01T09:00:00+08:00')

  beforeAll(async () => {
    store = seeded.store
    await generateMonthlyReports(store.db, november)
    leader = await seeded.caller('leader-demo')
  })

  it('uploads the workbook to cloud storage and answers its temporary URL', async () => {
    const uploads: Array<{ cloudPath: string; fileContent: Buffer }> = []
    const asked: unknown[] = []
    const sdk = {
      uploadFile: async (options: { cloudPath: string; fileContent: Buffer }) => {
        uploads.push(options)
        return { fileID: `cloud://env/${options.cloudPath}` }
      },
      getTempFileURL: async (options: { fileList: Array<{ fileID: string; maxAge: number }> }) => {
        asked.push(options)
        return { fileList: options.fileList.map(({ fileID }) => ({ fileID, tempFileURL: `https://tmp.example/${encodeURI(fileID)}`, status: 0 })) }
      },
    }
    const ctx = { db: store.db, now: november, caller: leader, publishFile: wechatFilePublisher(() => sdk) } as unknown as ActionContext<readonly ['leader', 'admin']>
    const result = await reportActions.export.run({ month: '2026-10' }, ctx)
    expect(result).toEqual({ month: '2026-10', fileName: '2026年10月诉求办理月报.xlsx', url: `https://tmp.example/${encodeURI('cloud://env/reports/2026-10/2026年10月诉求办理月报.xlsx')}` })
    expect(uploads.map((u) => u.cloudPath)).toEqual(['reports/2026-10/2026年10月诉求办理月报.xlsx'])
    expect(asked).toEqual([{ fileList: [{ fileID: 'cloud://env/reports/2026-10/2026年10月诉求办理月报.xlsx', maxAge: TEMP_URL_SECONDS }] }])
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(uploads[0].fileContent as unknown as ArrayBuffer)
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['汇总', '诉求明细', '评价', '超期'])

    const early = await reportActions.export.run({ month: '2026-11' }, ctx)
    expect(early).toMatchObject({ ok: false, error: { code: 'MONTH_NOT_ENDED' } })
    expect(uploads).toHaveLength(1)
  })

  it('treats a storage failure as a bug (the router answers INTERNAL), not as a URL-less success', async () => {
    const sdk = { uploadFile: async () => ({ fileID: 'cloud://x' }), getTempFileURL: async () => ({ fileList: [{ fileID: 'cloud://x', status: -1, errMsg: 'STORAGE_EXCEED' }] }) }
    await expect(wechatFilePublisher(() => sdk)('a.xlsx', Buffer.from('x'))).rejects.toThrow('STORAGE_EXCEED')
  })
})
