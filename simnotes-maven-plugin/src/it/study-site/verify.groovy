// Checks what mvn site left in target/site: the study pages, with their math rendered to HTML at build time.
def study = new File(basedir, 'target/site/study')
assert new File(study, 'index.html').isFile() : 'the study home page was written'
for (slug in ['softmax', 'relu']) {
    def page = new File(study, slug + '.html')
    assert page.isFile() : "${slug}.html was written"
    def html = page.getText('UTF-8')
    assert html.contains('class="katex"') : "${slug}.html has KaTeX HTML"
    assert !html.contains('$') : "${slug}.html shows no raw TeX delimiters"
    assert html.contains('<link rel="canonical" href="https://example.org/study/' + slug + '.html">')
}
assert new File(study, 'softmax.html').getText('UTF-8').contains('<annotation encoding="application/x-tex">')
assert new File(study, 'sitemap.xml').getText('UTF-8').contains('<loc>https://example.org/study/relu.html</loc>')
def css = study.listFiles().find { it.name == 'assets' }.listFiles().find { it.name.startsWith('site.') && it.name.endsWith('.css') }
assert css != null : 'the built-in templates provided the stylesheet'
def projectHome = new File(basedir, 'target/site/index.html')
assert projectHome.isFile() : "maven-site-plugin's own pages are still there beside the study site"
assert projectHome.getText('UTF-8').contains('href="study/index.html"')
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Built 5 study pages') : 'the plugin reported its build'
return true
