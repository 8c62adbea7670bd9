#!/usr/bin/env bash
# Loads the RT schema Social Care Bridge needs, installs its RT extension and makes sure RT has the
# secret it sends with each notification to the plugin. Idempotent: running it twice changes nothing.
# RT must be installed (install-rt.sh); the server is restarted only when the extension or its
# configuration changed. Run as root. Creates no people's users (rt-user.pl does) and never changes a
# password that exists; SOCIALCARE_RT_PASSWORD, if set, is the plugin user's password when it is created.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
EXT_SRC="$HERE/../../../ui-extension/src/rt/RT-Extension-SocialCare"
EXT_DST=/usr/local/share/request-tracker5/plugins/RT-Extension-SocialCare
SECRET_FILE=/etc/request-tracker5/RT_SiteConfig.d/98-socialcare-secret.pm
restart=0

[ "$(id -u)" = 0 ] || { echo "provision: run as root (it installs into RT's folders and writes RT's site configuration)" >&2; exit 1; }

if ! diff -rq "$EXT_SRC" "$EXT_DST" >/dev/null 2>&1; then
  mkdir -p "$(dirname "$EXT_DST")"
  rm -rf "$EXT_DST"
  cp -r "$EXT_SRC" "$EXT_DST"
  echo "RT extension RT::Extension::SocialCare installed in $EXT_DST"
  # RT's compiled Mason components outlive a changed file; without this the old callback keeps running.
  rm -rf /var/cache/request-tracker5/mason_data/obj
  restart=1
fi

# The notification secret (RT's scrip sends it as X-SocialCare-Secret; the plugin's notifySecret must
# be the same): generated once, never overwritten, readable by root and RT's group only.
if [ ! -e "$SECRET_FILE" ]; then
  tmp=$(mktemp "$SECRET_FILE.XXXXXX")
  secret=$(head -c 32 /dev/urandom | od -An -v -tx1 | tr -d ' \n')
  [ "${#secret}" = 64 ] || { rm -f "$tmp"; echo "provision: could not read 32 random bytes from /dev/urandom" >&2; exit 1; }
  printf '%s\n' "# Written once by Social Care Bridge's provision.sh; the plugin's notifySecret must match." \
    "Set(\$SocialCareNotifySecret, '$secret');" "1;" >"$tmp"
  unset secret
  chgrp www-data "$tmp"
  chmod 0640 "$tmp"
  # ln, unlike mv, never replaces a file that appeared meanwhile.
  if ln "$tmp" "$SECRET_FILE" 2>/dev/null; then
    echo "RT notification secret generated in $SECRET_FILE (give the same value to the plugin as notifySecret)"
    restart=1
  fi
  rm -f "$tmp"
fi
if [ "$(stat -c '%a %U %G' "$SECRET_FILE")" != "640 root www-data" ]; then
  chown root:www-data "$SECRET_FILE"
  chmod 0640 "$SECRET_FILE"
  echo "RT notification secret $SECRET_FILE made readable by root and www-data only"
fi
grep -Eq "^Set\(\\\$SocialCareNotifySecret, '[0-9a-f]{64}'\);" "$SECRET_FILE" \
  || echo "provision: $SECRET_FILE does not set \$SocialCareNotifySecret to 64 hex digits; RT will not notify the plugin until it does (delete the file to have a new one generated)" >&2

if [ "$restart" = 1 ] && bash "$HERE/rt-server.sh" status; then bash "$HERE/rt-server.sh" restart; fi
perl "$HERE/provision.pl"
