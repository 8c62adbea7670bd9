#!/usr/bin/env bash
# ./socialcare test: every test. Unit tests need nothing; the end-to-end tests need RT 5 (installed
# and started here from Debian's packages), and start the network simulators and the assembled Karaf themselves.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib.sh"

ensure_toolchain
say "Request Tracker 5 on http://127.0.0.1:8085 for the end-to-end tests"
ensure_rt
# The end-to-end tests use the demo's ports (RT's scrip notifies 127.0.0.1:8181); stop a running demo.
stop_pidfile "$STATE/karaf.pid" "the demo's Karaf"
stop_pidfile "$STATE/simulator.pid" "the demo's network simulators"
free_karaf_ports

say "RT extension tests (prove t/): RT::Test on throwaway SQLite databases, the running RT untouched"
bash "$RT_DIR/install-rt-test.sh"
# RT's lib on @INC for tests that use RT::Test directly (RT::Extension::SocialCare::Test finds it itself).
(cd "$ROOT/ui-extension/src/rt/RT-Extension-SocialCare" && prove -I"${RT_LIB_PATH:-/usr/share/request-tracker5/lib}" -l t/)

say "RT extension and provisioning tests (prove), against the real RT"
# The plugin user's password is rotated to a random one for them (the end-to-end tests rotate it again).
plugin_password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=\n')
printf '%s\n' "$plugin_password" | perl "$RT_DIR/rt-user.pl" socialcare --password-stdin --rotate
printf '%s\n' "$plugin_password" | prove "$ROOT/ui-extension/src/test/rt/"
unset plugin_password

say "Running all tests (mvn verify)"
cd "$ROOT"
mvn -B -ntp install "$@"
