#!/usr/bin/env bash
# scripts/triage-bench.sh [JMH options]: messages triaged per second (JMH, throughput, 2 threads for the
# 2 cores triage gets), on the synthetic corpus of TriageBenchmark. Builds only the domain module.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODULE="$ROOT/plugin-bundle"
cd "$ROOT"
mvn -B -q -Dstyle.color=never -pl plugin-bundle test-compile dependency:build-classpath \
  -Dmdep.outputFile="$MODULE/target/bench.classpath" -Dmdep.includeScope=test \
  || { echo "triage-bench: the build failed (see above)" >&2; exit 1; }
[ -f "$MODULE/target/test-classes/META-INF/BenchmarkList" ] \
  || { echo "triage-bench: JMH's annotation processor did not run (no META-INF/BenchmarkList)" >&2; exit 1; }
exec java -cp "$MODULE/target/test-classes:$MODULE/target/classes:$(cat "$MODULE/target/bench.classpath")" \
  org.openjdk.jmh.Main TriageBenchmark -f 1 -wi 3 -i 5 -t 2 "$@"
