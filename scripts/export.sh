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
# The embedded database's password is the plugin's (its store settings, else data/socialcare/store.password,
# readable by Karaf's user only: run this as that user). When Karaf is down this process opens the file
# itself and serves it to others meanwhile (H2's mixed mode): on this machine only, its files private.
umask 077
rc=0
java -Dh2.bindAddress=127.0.0.1 -cp "$CLASSPATH_OF_DOMAIN" org.socialcarebridge.export.cli.ExportCommandLine "$@" || rc=$?
# Run by root while Karaf was down, H2 may have made files (lock, trace) in the plugin's folder: they go
# back to the user Karaf runs as, who could not open the database otherwise.
DATA="$SOCIALCARE_KARAF/data/socialcare"
if [ "$(id -u)" = 0 ] && [ -d "$DATA" ]; then chown -R --reference="$DATA" "$DATA"; fi
exit "$rc"
