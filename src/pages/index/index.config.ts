export default definePageConfig({ navigationBarTitleText: '流动政务服务站' })
