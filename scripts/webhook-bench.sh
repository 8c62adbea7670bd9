#!/usr/bin/env bash
# ./socialcare bench webhooks [N]: N signed Meta webhook deliveries (default 10,000), batched and retried as
# Meta sends them, into the plugin in Karaf against the real RT: acknowledgement latency median and p99,
# deliveries and messages per second, a count proving each message is on exactly one ticket, then as
# many forged deliveries with the plugin's heap before and after. See docs/testing.md, Benchmarks.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib.sh"

n="${1:-10000}"
[[ "$n" =~ ^[1-9][0-9]*$ ]] || die "bench webhooks: the number of deliveries must be a positive whole number, not '$n'"
ensure_toolchain
ensure_rt
# The bench starts its own Karaf and simulators on the demo's ports.
stop_pidfile "$STATE/karaf.pid" "the demo's Karaf"
stop_pidfile "$STATE/simulator.pid" "the demo's network simulators"
build
cd "$ROOT/descriptors"
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
java -cp "target/test-classes:$(cat target/bench.classpath)" -Dkaraf.dist=target/socialcare-karaf \
  org.socialcarebridge.e2e.MetaWebhookBench "$n"
