#!/usr/bin/env bash
# ./socialcare triage "text" [...] and ./socialcare eval-triage FILE.csv [...]: the triage engine on its
# own, without RT or Karaf. The domain module is built on first use and again when its sources change.
# Without --rules, the rules of the installed demo (~/.socialcare/karaf/etc) are used if there are any,
# else the built-in defaults.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib.sh"

ensure_toolchain
TARGET="$ROOT/plugin-bundle/target"
CP_FILE="$TARGET/triage.classpath"
if [ ! -f "$CP_FILE" ] || [ ! -d "$TARGET/classes" ] \
   || [ -n "$(find "$ROOT/plugin-bundle/src/main" "$ROOT/plugin-bundle/pom.xml" "$ROOT/pom.xml" -newer "$CP_FILE" -print -quit)" ]; then
  say "Building the triage engine (plugin-bundle)" >&2
  (cd "$ROOT" && mvn -B -q -Dstyle.color=never -pl plugin-bundle compile dependency:build-classpath \
     -Dmdep.outputFile=target/triage.classpath -Dmdep.includeScope=runtime) >&2 || die "the build failed (see above)"
fi
if [ -z "${SOCIALCARE_RULES:-}" ] && [ -f "$KARAF_HOME/etc/socialcare-triage.yaml" ]; then
  export SOCIALCARE_RULES="$KARAF_HOME/etc/socialcare-triage.yaml"
fi
exec java -cp "$TARGET/classes:$(cat "$CP_FILE")" org.socialcarebridge.triage.cli.TriageCommandLine "$@"
