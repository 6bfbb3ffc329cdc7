export default definePageConfig({ navigationBarTitleText: '服务卡管理', enablePullDownRefresh: false })
