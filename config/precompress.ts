import { promisify } from 'node:util'
import zlib from 'node:zlib'
import type { IPluginContext } from '@tarojs/service'
import type { Compiler } from 'webpack'

// A Taro plugin (config `plugins`), so that Taro compiles this file wherever the project using it lives (the bare
// page of test/bench/fixtures uses it too): it imports only Node and types.

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

/** Text the browser fetches; images and woff2 are compressed already. */
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|ttf|otf|eot)$/i
/** Below this, a file fits the first packets anyway. */
const MIN_BYTES = 1024

/**
 * Writes `<file>.br` (brotli, best quality) and `<file>.gz` (gzip -9) beside each text asset of the H5 build, so the
 * host sends compressed files without compressing per request (cloud/host/static-files.ts picks one by
 * Accept-Encoding). Runs after minification and after index.html is written; a sibling is kept only when smaller.
 */
class PrecompressPlugin {
  apply(compiler: Compiler): void {
    const { Compilation, sources } = compiler.webpack
    compiler.hooks.thisCompilation.tap('PrecompressPlugin', (compilation) => {
      const stage = Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER
      compilation.hooks.processAssets.tapPromise({ name: 'PrecompressPlugin', stage }, async (assets) => {
        const names = Object.keys(assets).filter((name) => COMPRESSIBLE.test(name))
        await Promise.all(
          names.map(async (name) => {
            const raw = assets[name].buffer()
            if (raw.length < MIN_BYTES) return
            const [br, gz] = await Promise.all([
              brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
              gzip(raw, { level: 9 }),
            ])
            if (br.length < raw.length) compilation.emitAsset(`${name}.br`, new sources.RawSource(br))
            if (gz.length < raw.length) compilation.emitAsset(`${name}.gz`, new sources.RawSource(gz))
          }),
        )
      })
    })
  }
}

/** Production H5 builds only: the mini program is packaged by WeChat, and a watch build is never served compressed. */
export default function precompress(ctx: IPluginContext): void {
  ctx.modifyWebpackChain(({ chain }) => {
    if (process.env.TARO_ENV === 'h5' && process.env.NODE_ENV !== 'development') chain.plugin('precompress').use(PrecompressPlugin)
  })
}
