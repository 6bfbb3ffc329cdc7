export default definePageConfig({ navigationBarTitleText: '特派员联系对象' })
