// The PromQL on line 5 misses a parenthesis: the build stops with the spec file and line, no stack trace.
def log = new File(basedir, 'build.log').text
assert log =~ /slo-specs[\/\\]checkout\.slo:\[5,\d+\] /
assert log.contains('BUILD ERROR') || log.contains('BUILD FAILURE')
assert !log.contains('NullPointerException')
assert !new File(basedir, 'generated').exists()
