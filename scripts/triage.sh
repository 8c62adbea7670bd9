#!/usr/bin/env bash
# ./socialcare triage "text" [...] and ./socialcare eval-triage FILE.csv [...]: the triage engine on its
# own, without RT or Karaf. The domain module is built on first use and again when its sources change.
# Without --rules, the rules of the installed demo (~/.socialcare/karaf/etc) are used if there are any,
# else the built-in defaults.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib.sh"

ensure_toolchain
CLASSPATH_OF_DOMAIN="$(domain_classpath)"
if [ -z "${SOCIALCARE_RULES:-}" ] && [ -f "$KARAF_HOME/etc/socialcare-triage.yaml" ]; then
  export SOCIALCARE_RULES="$KARAF_HOME/etc/socialcare-triage.yaml"
fi
exec java -cp "$CLASSPATH_OF_DOMAIN" org.socialcarebridge.triage.cli.TriageCommandLine "$@"
