import path from 'node:path'
import { chromiumSuite, describeWithChromium, SHOTS } from '../support/e2e'

jest.setTimeout(180_000)

/** A real 1×1 PNG: the host recognises images by their bytes. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

describeWithChromium('政策直通车 end to end in Chromium (H5 build)', () => {
  const suite = chromiumSuite()
  const { signIn } = suite

  it('a handler publishes a policy; the matching holder finds it in 为我推荐 and asks a question', async () => {
    const handler = await signIn('handler-demo')
    await handler.locator('#entry-policy-manage').click()
    await handler.locator('#manage-new').click()
    await handler.locator('#policy-edit-kind-guide').click()
    await handler.locator('#policy-edit-title input').fill('电子信息企业工业用地弹性出让指引')
    await handler.locator('#policy-edit-issuer input').fill('区自然资源局')
    // 申报截止 by the date picker: its first offer, today (still open to apply).
    await handler.locator('#policy-edit-applyBy').click()
    await handler.locator('.weui-picker__action:last-child >> visible=true').click()
    await handler.locator('#policy-edit-applyBy-clear').waitFor()
    await handler.locator('#policy-edit-summary textarea').fill('电子信息企业新增用地可按弹性年期出让，降低初始成本。')
    await handler.locator('#policy-edit-body textarea').fill('一、适用对象：电子信息企业新增工业用地。\n二、出让年期：10至20年弹性确定。<script>alert(1)</script>')
    await handler.locator('#policy-edit-industry-electronics').click()
    await handler.locator('#policy-attach-file').setInputFiles({ name: '宗地图.png', mimeType: 'image/png', buffer: PNG })
    await handler.locator('#policy-edit-attachment-0').filter({ hasText: '宗地图' }).waitFor()
    await handler.locator('#policy-edit-save').click()
    await handler.locator('#policy-publish').click()
    await handler.locator('#policy-reach-matched').filter({ hasText: '1' }).waitFor()
    await handler.screenshot({ path: path.join(SHOTS, 'policy-published.png') })

    const holder = await signIn('holder-demo')
    await holder.locator('#entry-policies').click()
    const first = holder.locator('[id^="policy-rec-"]').first()
    await first.filter({ hasText: '电子信息企业工业用地弹性出让指引' }).waitFor()
    await first.filter({ hasText: '为我推荐' }).waitFor()
    await first.click()
    await holder.locator('#policy-title').filter({ hasText: '电子信息企业工业用地弹性出让指引' }).waitFor()
    expect(await holder.locator('#policy-body').textContent()).toContain('出让年期：10至20年弹性确定。')
    expect(await holder.locator('#policy-body script').count()).toBe(0)
    // The attachment is shown through the host's expiring signed link: the browser really loaded it.
    await holder.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('#policy-attachment-0 img')
      return img !== null && img.complete && img.naturalWidth === 1
    })
    await holder.locator('#policy-ask').click()
    await holder.locator('#policy-ask-text textarea').fill('我公司二期项目约15亩，能否按10年弹性出让？')
    await holder.locator('#policy-ask-send').click()
    await holder.locator('#problem-detail-status').filter({ hasText: '待受理' }).waitFor()
    await holder.screenshot({ path: path.join(SHOTS, 'policy-asked.png') })

    const token = await suite.api.login('holder-demo')
    const [asked] = (await suite.api.data('problems', 'mine', {}, token)).items
    expect(asked).toMatchObject({ category: 'policy', title: '咨询：电子信息企业工业用地弹性出让指引', status: 'submitted' })
    const inbox = (await suite.api.data('notifications', 'inbox', {}, token)).items
    expect(inbox.filter((m: { template: string }) => m.template === 'policy.published')).toHaveLength(1)
  })
})
