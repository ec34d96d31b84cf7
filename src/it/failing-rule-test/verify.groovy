// The build failed (invoker.buildResult=failure); it must have failed because of the rule test, located.
def log = new File(basedir, 'build.log').text
assert log.contains('requests-test.yml')
assert log.contains('job:http_requests:rate5m')
assert log =~ /exp:.*2E\+00/
assert log =~ /got:.*1E\+00/
assert log.contains('sloc test: 1 of 1 rule-test file(s) failed')
assert log.contains('BUILD FAILURE')
