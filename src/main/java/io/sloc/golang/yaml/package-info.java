/**
 * go-yaml's strict decoding as promtool uses it (yaml.v2 for test files, yaml.v3 for rule files): node composition,
 * type errors and their exact messages.
 *
 * <p>May import: golang.strconv.
 */
package io.sloc.golang.yaml;
