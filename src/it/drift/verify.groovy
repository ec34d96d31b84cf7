// generated/ was edited by hand (a label on line 13): the build fails, located at the spec block that produces the
// first differing line, with that line's place in generated/ beside it.
def log = new File(basedir, 'build.log').text
assert log =~ /slo-specs[\/\\]checkout\.slo:\[5,3\] differs from what the specs compile to.*\[drift\]/
assert log =~ /\(generated at .*generated[\/\\]rules[\/\\]checkout\.rules\.yml:13:1\)/
assert log.contains('team: checkout')
assert log.contains('sloc check failed')
assert log.contains('BUILD FAILURE')
// check compares, it never rewrites the committed output
assert new File(basedir, 'generated/rules/checkout.rules.yml').text.contains('team: checkout')
