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
TARGET="$ROOT/plugin-bundle/target"
CP_FILE="$TARGET/export.classpath"
if [ ! -f "$CP_FILE" ] || [ ! -d "$TARGET/classes" ] \
   || [ -n "$(find "$ROOT/plugin-bundle/src/main" "$ROOT/plugin-bundle/pom.xml" "$ROOT/pom.xml" -newer "$CP_FILE" -print -quit)" ]; then
  say "Building the domain module (plugin-bundle) for the export" >&2
  # The runtime classpath carries the JDBC drivers (H2, PostgreSQL) that Karaf provides as bundles.
  (cd "$ROOT" && mvn -B -q -Dstyle.color=never -pl plugin-bundle compile dependency:build-classpath \
     -Dmdep.outputFile=target/export.classpath -DincludeScope=runtime) >&2 || die "the build failed (see above)"
fi
export SOCIALCARE_KARAF="${SOCIALCARE_KARAF:-$KARAF_HOME}"
exec java -cp "$TARGET/classes:$(cat "$CP_FILE")" org.socialcarebridge.export.cli.ExportCommandLine "$@"
