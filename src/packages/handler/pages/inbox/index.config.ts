export default definePageConfig({ navigationBarTitleText: '部门诉求办理' })
