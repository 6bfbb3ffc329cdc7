import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import devConfig from './dev'
import prodConfig from './prod'

// Taro 4 build config: webpack5 runner, React, NutUI's 375 design width.
export default defineConfig<'webpack5'>(async (merge) => {
  const apiMode = process.env.TARO_APP_API_MODE ?? 'http'
  // The cloud-mode mini program has its own folder, so it never overwrites the HTTP-mode one (dist/weapp).
  const outputRoot = process.env.TARO_ENV !== 'h5' && apiMode === 'cloud' ? `dist/${process.env.TARO_ENV}-cloud` : `dist/${process.env.TARO_ENV}`
  const apiBase = process.env.TARO_APP_API_BASE ?? (process.env.TARO_ENV === 'h5' ? '' : 'http://127.0.0.1:8787')
  // WeChat subscribe-message template ids per notification key, JSON: {"booking.confirmed": "tmplId" | {"templateId": "…"}}.
  // Mini program builds only: H5 has no subscribe messages, and without ids the app never asks (messages wait in 消息中心).
  const wechatTemplates = process.env.TARO_ENV === 'h5' ? '' : (process.env.TARO_APP_WECHAT_TEMPLATES ?? '')
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'liudong-zhengwu',
    date: '2026-1-1',
    designWidth: 375,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot,
    // H5: the service worker that keeps the app for offline use, and brotli and gzip copies of the assets (Taro plugins,
    // by their paths, so Taro compiles them).
    plugins: [path.join(__dirname, 'offline-shell.ts'), path.join(__dirname, 'precompress.ts')],
    defineConstants: {
      'process.env.TARO_APP_API_MODE': JSON.stringify(apiMode),
      'process.env.TARO_APP_API_BASE': JSON.stringify(apiBase),
      'process.env.TARO_APP_WECHAT_TEMPLATES': JSON.stringify(wechatTemplates),
    },
    // The tab bar's icons: the H5 build only passes app.config.ts's paths on, and WeChat's build copies only the files
    // app.config.ts names, not the 工作台 and 消息 icons src/utils/role-tabs.ts sets at run time.
    copy: { patterns: [{ from: 'src/assets/tab', to: `${outputRoot}/assets/tab` }], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      optimizeMainPackage: { enable: true },
      // Libraries published in newer syntax than the mini program's floor (babel.config.js) go through the same babel
      // pass as our code: zod (the admin subpackage), noble's class fields, mobx.
      compile: { include: ['zod', '@noble', 'mobx'].map((name) => path.join(__dirname, '..', 'node_modules', name)) },
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
        // Drops an @font-face that its own stylesheet never uses: NutUI's theme inlines two JD number fonts (16 KB of base64)
        // for Price, Badge, CountDown and Rate, none of which the app uses. Keyframes may be used by another file: kept.
        // By its path: Taro's resolver does not read the package's exports map.
        [require.resolve('postcss-discard-unused')]: { enable: true, config: { fontFace: true, keyframes: false, counterStyle: false, namespace: false } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
        // mobx's production build: without its development checks and messages (mobx-react-lite resolves to it too).
        chain.resolve.alias.set('mobx$', require.resolve('mobx/dist/mobx.esm.production.min.js'))
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      // Content hashes in every name: the host serves these files as immutable (cloud/host/static-files.ts).
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[contenthash:8].css', chunkFilename: 'css/[name].[contenthash:8].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
        // The home page rides with the app's first scripts: the router would fetch its chunk only after they ran, one more
        // round trip (over 0.5 s on a slow link) before the first screen. Deep links to other pages download it too.
        chain.entry('app').add(path.join(__dirname, '../src/pages/index/index'))
        // Taro splits only the initial chunks, so each page chunk carried its own copy of zod, NutUI and the stores (50
        // files, 13 MB; 2.9 MB brotli for the service worker to precache). Shared modules of the pages get their own
        // files too (59 files, 3.5 MB; 0.9 MB brotli). At most 4 files per page opened, over a slow link each costs a
        // round trip; pieces under 20 KB stay in place. The home page's first load measured the same either way.
        chain.optimization.splitChunks({ ...chain.optimization.get('splitChunks'), chunks: 'all', minSize: 20_000, maxAsyncRequests: 4 })
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
