#!/usr/bin/env bash
# Installs what RT's own RT::Test needs beyond request-tracker5 (Debian ships RT/Test.pm, not the
# modules it loads), for the RT extension's t/ tests. Idempotent: with everything present it changes
# nothing and installs nothing. Run as root when something is missing (apt-get).
set -euo pipefail
RT_LIB=${RT_LIB_PATH:-/usr/share/request-tracker5/lib}

[ -f "$RT_LIB/RT/Test.pm" ] || { echo "install-rt-test: no RT::Test in $RT_LIB; install RT first (install-rt.sh)" >&2; exit 1; }

# Module, and the Debian package that has it.
modules=(
  "Test::NoWarnings libtest-nowarnings-perl"                              # RT::Test fails a test on any warning
  "Log::Dispatch::Perl liblog-dispatch-perl-perl"                         # RT::Test's logging
  "Test::WWW::Mechanize libtest-www-mechanize-perl"                       # RT::Test::Web, the test browser
  "Test::WWW::Mechanize::PSGI libtest-www-mechanize-psgi-perl"            # RT_TEST_WEB_HANDLER=inline
  "Plack::Middleware::Test::StashWarnings libplack-middleware-test-stashwarnings-perl"  # the test server
  "Mojo::DOM libmojolicious-perl"                                         # RT::Test::Web's dom
)
missing=()
for entry in "${modules[@]}"; do
  set -- $entry
  # require, not -M: Test::NoWarnings' import would add a test to this one-liner.
  perl -I"$RT_LIB" -e "require $1" >/dev/null 2>&1 || missing+=("$2")
done
[ "${#missing[@]}" = 0 ] && exit 0

[ "$(id -u)" = 0 ] || { echo "install-rt-test: RT::Test needs ${missing[*]}; install them as root (apt-get)" >&2; exit 1; }
echo "Installing what RT::Test needs: ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
  || { echo "install-rt-test: apt-get could not install ${missing[*]}; see the messages above" >&2; exit 1; }
