#!/usr/bin/env bash
# scripts/parsers-bench.sh [JMH options]: the time of one call of each parser of internet content (subject
# line, HTML reduction, mentions, survey answers, resolution confirmations, the guard, the rules' keywords,
# triage, the X and Mastodon mappers on payloads as the live APIs send them) on each kind of hostile
# input, median and max against the 50 ms budget (JMH sample time). Builds only the domain and the routes
# module. Defaults: one fork, one warm-up and one measured second per pair (about 7 minutes); narrow with
# JMH options, e.g. -p parser=HTML_TEXT or -p parser=X_MESSAGES,MASTODON_MESSAGES.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODULE="$ROOT/camel-routes"
cd "$ROOT"
mvn -B -q -Dstyle.color=never -pl plugin-bundle,camel-routes -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="target/bench.classpath" -Dmdep.includeScope=test \
  || { echo "parsers-bench: the build failed (see above)" >&2; exit 1; }
[ -f "$MODULE/target/test-classes/META-INF/BenchmarkList" ] \
  || { echo "parsers-bench: JMH's annotation processor did not run (no META-INF/BenchmarkList)" >&2; exit 1; }
# camel-routes' test classes first: JMH reads the first META-INF/BenchmarkList on the class path, and
# plugin-bundle's test classes (HostileText) carry the triage benchmark's.
exec java -cp "$MODULE/target/test-classes:$MODULE/target/classes:$(cat "$MODULE/target/bench.classpath")" \
  org.socialcarebridge.routes.bench.ParsersBenchmark "$@"
