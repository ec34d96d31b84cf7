// The README's snippet as it stands: compile wrote generated/, its behaviour tests passed, check passed.
def log = new File(basedir, 'build.log').text
assert new File(basedir, 'generated/rules/checkout.rules.yml').isFile()
assert log.contains('rule-test file(s) passed')
assert log.contains('sloc check: OK')
assert log.contains('BUILD SUCCESS')
