// Checks what mvn package site left in target/site: the study pages, with their math rendered to HTML at build
// time and the project's own widget pre-rendered and compiled into the page's code.
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

// The project's own widget (src/main/java), embedded by the softmax topic: drawn at build time for t = 0.5,
// its bars a probability distribution that favours the largest score.
def softmax = new File(study, 'softmax.html').getText('UTF-8')
assert softmax.contains('<figure class="sim" id="sim-temperature" data-sim="temperature" data-default="t=0.5">')
assert softmax.contains('<label for="sim-temperature-t">温度 T</label>')
def bars = (softmax =~ /data-p="([^"]+)"/).collect { it[1] as double }
assert bars.size() == 3 : 'one bar per class'
assert Math.abs(bars.sum() - 1) < 1e-9
assert bars[0] > bars[1] && bars[1] > bars[2]

// The page's code is compiled with it: its name is in the WebAssembly module (shipped as base64 in a script)
// and in the JavaScript fallback, where the generator's built-in module has neither.
def assets = new File(study, 'assets')
def asset = { String prefix -> assets.listFiles().find { it.name.startsWith(prefix) && it.name.endsWith('.js') } }
def wasm = Base64.decoder.decode((asset('sim-wasm.').getText('US-ASCII') =~ /"([A-Za-z0-9+\/=]+)"/)[0][1])
def holds = { byte[] bytes, String text -> new String(bytes, 'ISO-8859-1').contains(new String(text.getBytes('UTF-8'), 'ISO-8859-1')) }
assert holds(wasm, 'temperature') && holds(wasm, '温度 T')
def builtIn = org.simnotes.sitegen.sims.WebBuild.builtIn()
assert !holds(builtIn.wasm(), 'temperature') && !holds(builtIn.js(), 'temperature')
assert asset('sim-fallback.').getText('UTF-8').contains('temperature')
return true
