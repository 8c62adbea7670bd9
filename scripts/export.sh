#!/usr/bin/env bash
# ./socialcare export --from WHEN --to WHEN [--out DIR] [--format csv|jsonl|both] [--karaf DIR]: every
# message of a time window from the plugin's own database, as CSV and JSON Lines, without Karaf's help.
# The domain module is built on first use and again when its sources change. The database is the demo
# Karaf's (~/.socialcare/karaf: its etc/org.socialcarebridge.store.cfg, else its embedded H2 file, which
# can be read while Karaf runs); --karaf or $SOCIALCARE_KARAF name another installation.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib.sh"

ensure_toolchain
CLASSPATH_OF_DOMAIN="$(domain_classpath)"
export SOCIALCARE_KARAF="${SOCIALCARE_KARAF:-$KARAF_HOME}"
exec java -cp "$CLASSPATH_OF_DOMAIN" org.socialcarebridge.export.cli.ExportCommandLine "$@"
