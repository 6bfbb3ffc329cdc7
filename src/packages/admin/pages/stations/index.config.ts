export default definePageConfig({ navigationBarTitleText: '站点与场次' })
