#!/usr/bin/env bash
# Loads the RT schema Social Care Bridge needs and installs its RT extension. Idempotent: running it
# twice changes nothing. RT must be installed (install-rt.sh); the server is restarted only when the
# extension changed.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
EXT_SRC="$HERE/../../../ui-extension/src/rt/RT-Extension-SocialCare"
EXT_DST=/usr/local/share/request-tracker5/plugins/RT-Extension-SocialCare

if ! diff -rq "$EXT_SRC" "$EXT_DST" >/dev/null 2>&1; then
  mkdir -p "$(dirname "$EXT_DST")"
  rm -rf "$EXT_DST"
  cp -r "$EXT_SRC" "$EXT_DST"
  echo "RT extension RT::Extension::SocialCare installed in $EXT_DST"
  # RT's compiled Mason components outlive a changed file; without this the old callback keeps running.
  rm -rf /var/cache/request-tracker5/mason_data/obj
  if bash "$HERE/rt-server.sh" status; then bash "$HERE/rt-server.sh" restart; fi
fi
perl "$HERE/provision.pl"
