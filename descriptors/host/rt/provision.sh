#!/usr/bin/env bash
# Installs Social Care Bridge's RT extension (make install), loads its schema (etc/initialdata,
# through provision.pl's idempotent loader) and makes sure RT has the secret it sends with each
# notification to the plugin. Idempotent: running it twice changes nothing.
# RT must be installed (install-rt.sh); the server is restarted only when the extension or its
# configuration changed. Run as root. Creates no people's users (rt-user.pl does) and never changes a
# password that exists; SOCIALCARE_RT_PASSWORD, if set, is the plugin user's password when it is created.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
EXT_SRC="$HERE/../../../ui-extension/src/rt/RT-Extension-SocialCare"
# Debian's RT (install-rt.sh); Module::Install::RTx finds RT.pm through RTHOME.
RT_LIB=/usr/share/request-tracker5/lib
SECRET_FILE=/etc/request-tracker5/RT_SiteConfig.d/98-socialcare-secret.pm
restart=0

[ "$(id -u)" = 0 ] || { echo "provision: run as root (it installs into RT's folders and writes RT's site configuration)" >&2; exit 1; }

# The extension goes where RT itself loads local plugins from ($LocalPluginPath), installed as an
# administrator would: perl Makefile.PL && make && make install, in a scratch copy (the build writes
# inc/, Makefile, blib/). Only when what is installed differs from this tree.
rt_path() { perl -I"$RT_LIB" -MRT -e "print \$RT::$1"; }
PLUGINS=$(rt_path LocalPluginPath)
# Module::Install::RTx installs into \$PREFIX/plugins; RT must agree.
[ "$(basename "$PLUGINS")" = plugins ] || { echo "provision: RT's \$LocalPluginPath is '$PLUGINS'; Module::Install::RTx installs only into a folder named plugins (PREFIX/plugins). Install RT::Extension::SocialCare by hand (see its POD) and run provision.pl" >&2; exit 1; }
EXT_DST="$PLUGINS/RT-Extension-SocialCare"
installed=1
for dir in etc html lib; do
  diff -rq "$EXT_SRC/$dir" "$EXT_DST/$dir" >/dev/null 2>&1 || installed=0
done
if [ "$installed" = 0 ]; then
  build=$(mktemp -d)
  trap 'rm -rf "$build"' EXIT
  cp -r "$EXT_SRC/." "$build"
  rm -rf "$build/t/tmp" "$build/inc" "$build/Makefile" "$build/blib"
  # Built before the installed copy is removed, so a failed build leaves RT as it was. Removed, because a
  # stale file of an earlier install (or of the copy earlier versions made) would stay loaded.
  # Module::Install's chatter (and its notes on the licence) only when the build fails.
  if ! (cd "$build" && RTHOME="$(dirname "$RT_LIB")" PREFIX="$(dirname "$PLUGINS")" perl Makefile.PL \
        && make && rm -rf "$EXT_DST" && make install) >"$build/build.log" 2>&1; then
    cat "$build/build.log" >&2
    echo "provision: building or installing RT::Extension::SocialCare failed (see above); is libmodule-install-rtx-perl installed? (install-rt.sh installs it)" >&2
    exit 1
  fi
  [ -f "$EXT_DST/etc/initialdata" ] || { echo "provision: make install did not put the extension in $EXT_DST; check RT's \$LocalPluginPath" >&2; exit 1; }
  echo "RT extension RT::Extension::SocialCare installed in $EXT_DST (make install)"
  # RT's compiled Mason components outlive a changed file; without this the old callback keeps running.
  rm -rf "$(rt_path MasonDataDir)/obj"
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
