// compile wrote the rules, the rule test passed, check found nothing wrong and wrote its JUnit report.
def log = new File(basedir, 'build.log').text
def rules = new File(basedir, 'generated/rules/checkout.rules.yml')
assert rules.isFile()
assert rules.text.contains('slo: requests')
assert new File(basedir, 'generated/runbooks/checkout-errors.md').isFile()
assert log.contains('sloc test: 1 rule-test file(s) passed')
assert log.contains('sloc check: OK')
def junit = new File(basedir, 'target/sloc-reports/TEST-sloc-check.xml')
assert junit.isFile()
assert junit.text.contains('checkout-test.yml')
assert !junit.text.contains('<failure')
assert log.contains('BUILD SUCCESS')
