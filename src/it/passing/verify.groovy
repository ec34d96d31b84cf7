// compile wrote the rules, the rule tests passed, check found nothing wrong and wrote its JUnit report.
def log = new File(basedir, 'build.log').text
def generated = new File(basedir, 'generated')
def ruleFiles = generated.listFiles().findAll { it.name.endsWith('.yml') }
assert !ruleFiles.isEmpty()
assert ruleFiles.any { it.text.contains('slo: requests') || it.text.contains('slo: "requests"') }
assert log.contains('sloc check: OK')
def junit = new File(basedir, 'target/sloc-reports/TEST-sloc-check.xml')
assert junit.isFile()
assert !junit.text.contains('<failure')
assert log.contains('BUILD SUCCESS')
