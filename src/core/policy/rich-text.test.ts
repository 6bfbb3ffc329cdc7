import { richTextToPlain, sanitizeRichText } from './rich-text'

describe('sanitizeRichText', () => {
  it('keeps the allowed structure and drops attributes', () => {
    expect(sanitizeRichText('<p class="x" style="color:red" onclick="steal()">第一条 <strong>补贴</strong></p>')).toBe('<p>第一条 <strong>补贴</strong></p>')
    expect(sanitizeRichText('<h1>标题</h1><ul><li>一</li><li>二</li></ul>')).toBe('<h3>标题</h3><ul><li>一</li><li>二</li></ul>')
  })

  it('drops scripts, styles and embedded documents with their content', () => {
    expect(sanitizeRichText('<p>正文</p><script>alert(1)</script><style>p{}</style><iframe src="x"></iframe>')).toBe('<p>正文</p>')
    expect(sanitizeRichText('<p>a<SCRIPT type="x">document.cookie</SCRIPT >b</p>')).toBe('<p>ab</p>')
    // An unclosed script swallows the rest rather than leaking it as markup.
    expect(sanitizeRichText('<p>a</p><script>alert(1)')).toBe('<p>a</p>')
  })

  it('keeps the text of unknown tags and escapes whatever is not markup', () => {
    expect(sanitizeRichText('<div><span>申报</span></div><img src=x onerror=alert(1)>')).toBe('<p>申报</p>')
    expect(sanitizeRichText('<p>1 < 2 && 3 > 2 "引号"</p>')).toBe('<p>1 &lt; 2 &amp;&amp; 3 &gt; 2 &quot;引号&quot;</p>')
    expect(sanitizeRichText('<p>&lt;script&gt; &nbsp;&#8226;</p>')).toBe('<p>&lt;script&gt; &nbsp;&#8226;</p>')
    expect(sanitizeRichText('<p>x<!-- <script>alert(1)</script> -->y<!DOCTYPE html></p>')).toBe('<p>xy</p>')
    expect(sanitizeRichText('<p><a href="x" <b>粗</b></p>')).toBe('<p><a>粗</a></p>')
  })

  it('keeps only http(s) links', () => {
    const link = (html: string) => sanitizeRichText(`<p>${html}</p>`)
    expect(link('<a href="https://www.gov.cn/zhengce?id=1&amp;x=2">国务院</a>')).toBe('<p><a>国务院</a></p>')
    expect(link('<a href="https://www.gov.cn/zhengce" target="_blank">国务院</a>')).toBe('<p><a href="https://www.gov.cn/zhengce">国务院</a></p>')
    expect(link('<a href="javascript:alert(1)">x</a>')).toBe('<p><a>x</a></p>')
    expect(link('<a href=" jav&#x61;script:alert(1)">x</a>')).toBe('<p><a>x</a></p>')
    expect(link('<a href=\'http://a.cn/"onmouseover="x\'>x</a>')).toBe('<p><a>x</a></p>')
  })

  it('balances tags', () => {
    expect(sanitizeRichText('<p><strong>粗<em>斜</p>尾</strong>')).toBe('<p><strong>粗<em>斜</em></strong></p>尾')
    expect(sanitizeRichText('<p>一<br/>二</p></table>')).toBe('<p>一<br>二</p>')
  })

  it('keeps the lines of text with only inline markup as paragraphs', () => {
    expect(sanitizeRichText('一、适用对象。\n二、出让年期。<script>alert(1)</script>')).toBe('<p>一、适用对象。</p><p>二、出让年期。</p>')
    expect(sanitizeRichText('<strong>加粗\n跨行</strong>\n<a href="https://www.gov.cn/">原文</a>')).toBe('<p><strong>加粗</strong></p><p>跨行</p><p><a href="https://www.gov.cn/">原文</a></p>')
  })

  it('turns plain text into paragraphs', () => {
    expect(sanitizeRichText('第一条 支持企业研发。\n\n第二条 <补贴> 标准')).toBe('<p>第一条 支持企业研发。</p><p>第二条 &lt;补贴&gt; 标准</p>')
  })

  it('never lets markup through, whatever the input', () => {
    const nasty = ['<scr<script>ipt>alert(1)</script>', '<<p>>x', '<p onmouseover=alert(1)>x', '<a href=javascript:alert(1)>x', '"><svg/onload=alert(1)>', '<p>x</p\n>']
    for (const input of nasty) {
      const out = sanitizeRichText(input)
      // Every tag of the output is an allowed one without attributes (a link's http(s) href aside).
      for (const tag of out.match(/<[^>]*>/g) ?? []) {
        expect(tag).toMatch(/^<\/?(p|br|strong|b|em|i|u|h3|h4|ul|ol|li|blockquote|table|thead|tbody|tr|th|td|a)>$|^<a href="https?:\/\/[^"<>]+">$/)
      }
      expect(out.replace(/<[^>]*>/g, '')).not.toMatch(/[<>"]/)
    }
  })
})

describe('richTextToPlain', () => {
  it('gives the words for search', () => {
    expect(richTextToPlain('<h3>标题</h3><p>融资&amp;担保&nbsp;政策</p><ul><li>一</li><li>二</li></ul>')).toBe('标题\n融资&担保 政策\n一\n二')
    expect(richTextToPlain('<p>&#x4e2d;&#22269;&unknown;</p>')).toBe('中国&unknown;')
  })
})
