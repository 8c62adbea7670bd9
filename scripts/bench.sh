#!/usr/bin/env bash
# ./socialcare bench [N]: mention-to-ticket latency and throughput through the plugin in Karaf against
# the real RT, beside REST2 (at the plugin's filing concurrency: RT's ceiling, and one client) and
# rt-mailgate (N tickets each, default 200). Prints a table with the ratios issue 17 targets.
# ./socialcare bench crisis [N] [minutes]: N mentions and DMs over X and Mastodon in that many minutes
# (default 10000, 2), kill -9 and an RT outage in the middle, every message checked; prints drain and heap.
# BENCH_OPTS passes JVM options, e.g. BENCH_OPTS=-Dbench.realtime=false for a plugin without concurrent
# filing (no filingConcurrency written), or -Dbench.concurrency=8.
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
# shellcheck disable=SC2086 # BENCH_OPTS holds several options
java -cp "target/test-classes:$(cat target/bench.classpath)" -Dkaraf.dist=target/socialcare-karaf ${BENCH_OPTS:-} \
  org.socialcarebridge.e2e.MentionToTicketBench "$@"
