import { chromiumSuite, describeWithChromium, shot } from '../support/e2e'

jest.setTimeout(180_000)

describeWithChromium('企业评判问卷 end to end in Chromium (H5 build)', () => {
  const suite = chromiumSuite()
  const { signIn } = suite

  it('a holder answers the 营商环境 survey; the administrator sees the results chart and turns a finding into a problem', async () => {
    const holder = await signIn('holder-demo')
    await holder.locator('#entry-surveys').click()
    await holder.locator('[id^="survey-answer-"]').first().click()
    await holder.locator('#survey-title').filter({ hasText: '营商环境企业评价调查' }).waitFor()
    // 满意 everywhere, 不满意 for the approvals of 项目落地; a choice for the two choice items, and an opinion.
    const good = holder.locator('[id$="-level-4"]')
    for (let i = 0; i < (await good.count()); i++) await good.nth(i).click()
    await holder.locator('#survey-a2-1-level-2').click()
    await holder.locator('#survey-a1-5-option-0').click()
    await holder.locator('#survey-a7-5-option-1').click()
    await holder.locator('#survey-a8-5-text textarea').fill('用地手续等待时间长')
    await holder.locator('#survey-progress').filter({ hasText: '已答 36/36' }).waitFor()
    await holder.locator('#survey-submit').click()
    await holder.locator('#survey-done').waitFor()
    await shot(holder, 'survey-answered.png')

    const admin = await signIn('admin-demo')
    await admin.locator('#entry-surveys').click()
    await admin.locator('[id^="survey-results-"]').first().click()
    await admin.locator('#survey-results-count').filter({ hasText: '已答 2 家' }).waitFor()
    await admin.locator('#survey-chart-aspects-box.chart-drawn').waitFor({ timeout: 20_000 })
    expect(await admin.locator('#survey-result-a8-5').innerText()).toContain('用地手续等待时间长')
    await admin.locator('#survey-finding-department-a2-1').filter({ hasText: '区自然资源局' }).waitFor()
    await admin.locator('#survey-finding-convert-a2-1').click()
    await admin.locator('#survey-finding-problem-a2-1').filter({ hasText: /P\d{4}-\d{6}/ }).waitFor()
    await shot(admin, 'survey-results.png')

    const handler = await suite.api.login('handler-demo')
    const { items } = await suite.api.data('problems', 'list', { status: 'assigned' }, handler)
    expect(items.find((p: { source: string }) => p.source === 'survey')).toMatchObject({ holderName: '企业评判问卷', category: 'other' })
  })
})
