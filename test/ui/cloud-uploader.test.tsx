import Taro from '@tarojs/taro'
import type { ApiClient } from '@/api/client'
import { createCloudUploader } from '@/api/upload'

/** Cloud mode: photos go to cloud storage under the caller's own folder, which problems.submit checks. */
describe('the cloud-mode uploader', () => {
  const paths: string[] = []
  beforeAll(() => {
    Object.assign(Taro, {
      cloud: {
        init() {},
        uploadFile: async ({ cloudPath }: { cloudPath: string }) => (paths.push(cloudPath), { fileID: `cloud://prod-7g1a.7072-prod-7g1a-1320000000/${cloudPath}` }),
      },
    })
  })

  const apiAnswering = (reply: unknown) => {
    const calls: string[] = []
    const call = (async (area: string, action: string) => (calls.push(`${area}.${action}`), reply)) as unknown as ApiClient['call']
    return { api: { call }, calls }
  }

  it('stores each photo under problems/<user id>/ and asks who the user is once', async () => {
    const { api, calls } = apiAnswering({ ok: true, data: { user: { id: '6f1c0f53-0000-4000-8000-000000000001', name: '王芳', roles: ['holder'], departmentId: null } } })
    const uploader = createCloudUploader(api)
    const first = await uploader.upload({ path: 'wxfile://tmp/a.jpg' })
    const second = await uploader.upload({ path: 'wxfile://tmp/b.jpg' })
    expect(paths).toEqual([expect.stringMatching(/^problems\/6f1c0f53-0000-4000-8000-000000000001\/\w+\.jpg$/), expect.stringMatching(/^problems\/6f1c0f53-0000-4000-8000-000000000001\/\w+\.jpg$/)])
    expect(first).toEqual({ ok: true, data: { key: `cloud://prod-7g1a.7072-prod-7g1a-1320000000/${paths[0]}`, url: `cloud://prod-7g1a.7072-prod-7g1a-1320000000/${paths[0]}` } })
    expect(second.ok).toBe(true)
    expect(calls).toEqual(['auth.me'])
  })

  it('uploads nothing when it cannot tell who the user is', async () => {
    paths.length = 0
    const failure = { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } }
    const { api } = apiAnswering(failure)
    expect(await createCloudUploader(api).upload({ path: 'wxfile://tmp/a.jpg' })).toEqual(failure)
    expect(paths).toEqual([])
  })
})
