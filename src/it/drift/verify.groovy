// The committed output differs from what the specs compile to: the build fails and says where.
def log = new File(basedir, 'build.log').text
assert log =~ /generated[\/\\]checkout\.yml:\[\d+,\d+\] .*\[drift\]/
assert log.contains('sloc check failed')
assert log.contains('BUILD FAILURE')
// check compares, it never rewrites the committed output
assert new File(basedir, 'generated/checkout.yml').text.contains('groups: []')
