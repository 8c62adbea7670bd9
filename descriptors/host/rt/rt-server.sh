#!/usr/bin/env bash
# Starts, stops and checks RT's own web server on 127.0.0.1:8085 (there is no systemd here).
set -euo pipefail
STATE_DIR="${SOCIALCARE_STATE:-$HOME/.socialcare}/rt"
PIDFILE="$STATE_DIR/rt-server.pid"
LOG="$STATE_DIR/rt-server.log"
URL=http://127.0.0.1:8085/
SERVER=/usr/share/request-tracker5/libexec/rt-server
mkdir -p "$STATE_DIR"

running() { [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }
answering() { curl -s -o /dev/null -m 3 "$URL"; }

start() {
  if running && answering; then return 0; fi
  if answering; then echo "rt-server: something else already answers on $URL; stop it first" >&2; exit 1; fi
  [ -x "$SERVER" ] || { echo "rt-server: $SERVER is missing; run install-rt.sh first" >&2; exit 1; }
  nohup "$SERVER" --port 8085 --host 127.0.0.1 >"$LOG" 2>&1 &
  echo $! >"$PIDFILE"
  for _ in $(seq 1 240); do
    if answering; then echo "RT is up on $URL"; return 0; fi
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
