#!/usr/bin/env bash
# Installs Request Tracker 5 from Debian's packages on SQLite, configured for 127.0.0.1:8085, and what
# building RT extensions needs (Module::Install::RTx, make): provision.sh installs ours with make install.
# Idempotent: a second run changes nothing and takes about a second. RT's root user gets the password
# in SOCIALCARE_RT_ROOT_PASSWORD, or a random one nobody is told (set it later with
# `perl rt-user.pl root --password-stdin --rotate`); Debian's own default would be "password".
set -euo pipefail
SITE_DIR=/etc/request-tracker5/RT_SiteConfig.d
SITE_FILE=$SITE_DIR/99-socialcare.pm
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if ! dpkg-query -W -f='${Status}' request-tracker5 2>/dev/null | grep -q "install ok installed" \
   || ! dpkg-query -W -f='${Status}' rt5-db-sqlite 2>/dev/null | grep -q "install ok installed" \
   || ! dpkg-query -W -f='${Status}' libmodule-install-rtx-perl 2>/dev/null | grep -q "install ok installed" \
   || ! command -v sqlite3 >/dev/null || ! command -v w3m >/dev/null || ! command -v make >/dev/null; then
  [ "$(id -u)" = 0 ] || { echo "install-rt: installing RT needs root (apt-get); run as root" >&2; exit 1; }
  echo "Installing Request Tracker 5 from Debian's packages (about a minute)..."
  apt-get update -qq
  root_password=${SOCIALCARE_RT_ROOT_PASSWORD:-$(head -c 24 /dev/urandom | base64 | tr -d '/+=\n')}
  debconf-set-selections <<PRESEED
request-tracker5 request-tracker5/initial-root-password password $root_password
PRESEED
  unset root_password
  debconf-set-selections <<'PRESEED'
request-tracker5 request-tracker5/dbconfig-install boolean true
request-tracker5 request-tracker5/database-type select sqlite3
request-tracker5 request-tracker5/rtname string rt.example.test
request-tracker5 request-tracker5/organization string example.test
request-tracker5 request-tracker5/correspondaddress string rt@example.test
request-tracker5 request-tracker5/commentaddress string rt-comment@example.test
request-tracker5 request-tracker5/webbaseurl string http://127.0.0.1:8085
request-tracker5 request-tracker5/webpath string /rt
request-tracker5 request-tracker5/handle-siteconfig-permissions boolean true
request-tracker5 request-tracker5/install-cronjobs boolean false
PRESEED
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    request-tracker5 rt5-db-sqlite sqlite3 w3m libmodule-install-rtx-perl make >/dev/null \
    || { echo "install-rt: apt-get could not install request-tracker5; see the messages above" >&2; exit 1; }
fi

# RT runs as www-data (rt-server.sh): it must read Debian's (empty) main site file too, or it warns at
# every start.
MAIN_FILE=/etc/request-tracker5/RT_SiteConfig.pm
if [ -f "$MAIN_FILE" ] && [ "$(stat -c '%a %G' "$MAIN_FILE")" != "640 www-data" ]; then
  chgrp www-data "$MAIN_FILE" && chmod 640 "$MAIN_FILE"
fi

want=$(cat "$HERE/99-socialcare.pm")
if [ ! -f "$SITE_FILE" ] || [ "$(cat "$SITE_FILE")" != "$want" ]; then
  printf '%s\n' "$want" >"$SITE_FILE"
  chmod 640 "$SITE_FILE"
  chgrp www-data "$SITE_FILE" 2>/dev/null || true
  echo "RT site configuration written to $SITE_FILE"
  # RT reads its configuration when it starts.
  if bash "$HERE/rt-server.sh" status; then bash "$HERE/rt-server.sh" restart; fi
fi

# RT's SQLite schema has no index on Groups.id and Users.id; ticket creation slows as they grow.
DB=$(ls /var/lib/dbconfig-common/sqlite3/request-tracker5/* 2>/dev/null | head -1)
if [ -n "$DB" ]; then
  sqlite3 "$DB" "CREATE UNIQUE INDEX IF NOT EXISTS socialcare_groups_id ON Groups(id);
                 CREATE UNIQUE INDEX IF NOT EXISTS socialcare_users_id ON Users(id);"
fi
