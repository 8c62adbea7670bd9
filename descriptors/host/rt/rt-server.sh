#!/usr/bin/env bash
# Starts, stops and checks RT's own web server on 127.0.0.1:8085 (there is no systemd here). Started by
# root, the server runs as www-data, as Debian's RT under a web server would: root only prepares what
# RT writes and opens the log.
set -euo pipefail
STATE_DIR="${SOCIALCARE_STATE:-$HOME/.socialcare}/rt"
PIDFILE="$STATE_DIR/rt-server.pid"
LOG="$STATE_DIR/rt-server.log"
URL=http://127.0.0.1:8085/
SERVER=/usr/share/request-tracker5/libexec/rt-server
RUN_AS=www-data
# What RT writes: its SQLite database (and the journal beside it), Mason's cache and sessions, and its
# var folder (the mbox of outgoing mail, GnuPG keys).
DB_DIR=/var/lib/dbconfig-common/sqlite3/request-tracker5
RT_WRITES=(/var/cache/request-tracker5 /var/lib/request-tracker5)
mkdir -p "$STATE_DIR"

running() { [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }
answering() { curl -s -o /dev/null -m 3 "$URL"; }

# Files that RT run as root (earlier versions, or a root command-line tool) left behind are handed to
# www-data; the database stays Debian's root:www-data, group-writable.
let_rt_write() {
  local fixed=0 n
  for dir in "${RT_WRITES[@]}"; do
    [ -d "$dir" ] || continue
    n=$(find "$dir" ! -user "$RUN_AS" -print -exec chown "$RUN_AS" {} + | wc -l)
    fixed=$((fixed + n))
  done
  if [ -d "$DB_DIR" ]; then
    n=$(find "$DB_DIR" \( ! -group "$RUN_AS" -o ! -perm -g=rw \) -print -exec chgrp "$RUN_AS" {} + -exec chmod g+rw {} + | wc -l)
    fixed=$((fixed + n))
  fi
  [ "$fixed" = 0 ] || echo "rt-server: handed $fixed files RT writes to $RUN_AS (an earlier RT ran as root)"
}

start() {
  if running && answering; then
    # An upgrade: the server an earlier version started runs as root; start it again as www-data.
    if [ "$(id -u)" = 0 ] && [ "$(ps -o user= -p "$(cat "$PIDFILE")" | tr -d ' ')" = root ]; then
      echo "rt-server: RT runs as root; restarting it as $RUN_AS"
      stop
    else
      return 0
    fi
  fi
  if answering; then echo "rt-server: something else already answers on $URL; stop it first" >&2; exit 1; fi
  [ -x "$SERVER" ] || { echo "rt-server: $SERVER is missing; run install-rt.sh first" >&2; exit 1; }
  local as=() who=""
  if [ "$(id -u)" = 0 ]; then
    id "$RUN_AS" >/dev/null 2>&1 || { echo "rt-server: there is no user $RUN_AS to run RT as (Debian's RT packages create it)" >&2; exit 1; }
    let_rt_write
    # exec'd, not forked: the pid recorded is the server's own.
    as=(setpriv --reuid="$RUN_AS" --regid="$RUN_AS" --init-groups env HOME=/var/www)
    who=" (as $RUN_AS)"
  fi
  # The log is opened here, by the caller; cwd / so www-data never needs the caller's folder.
  (cd / && exec nohup ${as[@]+"${as[@]}"} "$SERVER" --port 8085 --host 127.0.0.1) >"$LOG" 2>&1 &
  echo $! >"$PIDFILE"
  for _ in $(seq 1 240); do
    if answering; then echo "RT is up on $URL$who"; return 0; fi
    if ! running; then break; fi
    sleep 0.25
  done
  echo "rt-server: RT did not come up on $URL; last lines of $LOG:" >&2
  tail -n 30 "$LOG" >&2
  exit 1
}

stop() {
  running || { rm -f "$PIDFILE"; return 0; }
  local pid; pid=$(cat "$PIDFILE")
  kill -TERM "$pid"   # SIGTERM to the master; SIGINT would chown RT's var folder
  for _ in $(seq 1 80); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$PIDFILE"
  echo "stopped RT"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  status) running && answering ;;
  *) echo "usage: rt-server.sh start|stop|restart|status" >&2; exit 2 ;;
esac
