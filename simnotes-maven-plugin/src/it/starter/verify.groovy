// Checks what `mvn test site` did to the starter course: its widget's tests ran and passed, and the
// study site embeds the widget, pre-rendered.
def course = new File(basedir, 'course')
def report = new File(course, 'target/surefire-reports/TEST-starter.CoinWidgetTest.xml')
assert report.isFile() : 'surefire ran the starter widget test'
def suite = new groovy.xml.XmlSlurper().parse(report)
assert suite.@tests.toInteger() > 0 : 'the starter test has test cases'
assert suite.@failures.toInteger() == 0 && suite.@errors.toInteger() == 0 : 'the starter test passed'

def page = new File(course, 'target/site/study/coin-flips.html')
assert page.isFile() : 'the study site has the coin-flips topic'
def html = page.getText('UTF-8')
assert html.contains('data-sim="coin"') : 'the coin widget is embedded'
assert html =~ /data-stat="share" data-value="[0-9.]+"/ : 'the widget was pre-rendered with its share of heads'
// The widget is both in content/sims, which the generator compiles, and in target/classes, which the plugin
// passes on: listed twice, it is still one widget.
assert new File(course, 'target/classes/META-INF/services/org.simnotes.simapi.Widget').isFile()
assert new File(basedir, 'build.log').getText('UTF-8').contains('The project\'s widgets: ')
return true
