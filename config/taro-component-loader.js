const fs = require('node:fs')
const path = require('node:path')

/**
 * H5 only (babel.config.js): `import { View } from '@tarojs/components'` becomes `import View from
 * '<this loader>?View!@tarojs/components/lib/react/components.js'`, and this loader writes that one component's React
 * proxy, as Taro's components.js does for all of them. In components.js each proxy used by any page keeps its web
 * component, so every page carried the Map (with hammer.js), Picker and Textarea of the others (issue 13).
 */
module.exports = function taroComponent() {
  const name = this.query.replace(/^\?/, '')
  if (name === 'Block') return "export { Fragment as default } from 'react'\n"
  // Read from the file itself: the loaders of the normal rules (babel) ran first and rewrote it.
  const source = fs.readFileSync(this.resourcePath, 'utf8')
  const proxy = new RegExp(`const ${name} = /\\*@__PURE__\\*/ createReactComponent\\('([a-z-]+)', undefined, manipulatePropsFunction, (\\w+)\\);`).exec(source)
  if (!proxy) throw new Error(`taro-component-loader: no ${name} in ${this.resourcePath}`)
  const [, tag, define] = proxy
  const index = path.join(path.dirname(this.resourcePath), '../../dist/components/index.js')
  this.addDependency(index)
  const file = new RegExp(`defineCustomElement as ${define} \\} from '(\\./[\\w-]+\\.js)'`).exec(fs.readFileSync(index, 'utf8'))
  if (!file) throw new Error(`taro-component-loader: no ${define} in ${index}`)
  return [
    "import { manipulatePropsFunction } from './helper.js'",
    "import { createReactComponent } from './react-component-lib/createComponent.js'",
    `import { defineCustomElement } from '../../dist/components/${file[1].slice(2)}'`,
    `export default /*@__PURE__*/ createReactComponent('${tag}', undefined, manipulatePropsFunction, defineCustomElement)`,
    '',
  ].join('\n')
}
