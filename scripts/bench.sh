#!/usr/bin/env bash
# ./socialcare bench [N]: mention-to-ticket latency and throughput through the plugin in Karaf against
# the real RT, beside REST2 and rt-mailgate (N tickets each, default 200). Prints a table.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib.sh"

ensure_toolchain
ensure_rt
stop_pidfile "$STATE/karaf.pid" "the demo's Karaf"
stop_pidfile "$STATE/simulator.pid" "the demo's X simulator"
build
cd "$ROOT/descriptors"
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
java -cp "target/test-classes:$(cat target/bench.classpath)" -Dkaraf.dist=target/socialcare-karaf \
  org.socialcarebridge.e2e.MentionToTicketBench "${1:-200}"
