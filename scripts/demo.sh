#!/usr/bin/env bash
# ./socialcare demo [--detach]: everything a first look needs, on embedded defaults.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib.sh"

detach=""
for a in "$@"; do
  case "$a" in
    --detach) detach=1 ;;
    *) die "demo: unknown option '$a' (try --detach)" ;;
  esac
done

ensure_toolchain
say "Request Tracker 5 on http://127.0.0.1:8085 (installs from Debian's packages on first run, ~1 min)"
ensure_rt
build
start_simulator
start_karaf

SIM=http://127.0.0.1:8086
customer() { # handle name followers verified
  curl -fsS -X PUT "$SIM/sim/users/$1" -H 'Content-Type: application/json' \
    -d "{\"name\":\"$2\",\"followers_count\":$3,\"verified\":$4}" >/dev/null
}
tweet() { # handle text [in_reply_to] -> prints the new tweet id
  local body
  body=$(python3 -c 'import json,sys; d={"text":sys.argv[1]}
if len(sys.argv)>2 and sys.argv[2]: d["reply"]={"in_reply_to_tweet_id":sys.argv[2]}
print(json.dumps(d))' "$2" "${3:-}")
  curl -fsS -X POST "$SIM/2/tweets" -H "Authorization: Bearer sim-user:$1" -H 'Content-Type: application/json' -d "$body" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["id"])'
}

say "Playing customer mentions of @acme on the X simulator"
customer maria_lopez "María López" 1240 false
customer devon_k "Devon King" 48200 true
customer sam_r "Sam R." 87 false
t1=$(tweet maria_lopez "@acme my internet has been down since 7am and I work from home. Is there an outage in Leeds? Any ETA?")
t2=$(tweet devon_k "@acme I was charged twice for my March bill. Who can sort this out?")
t3=$(tweet sam_r "@acme thanks for the quick fix yesterday, speeds are great now!")
curl -fsS -X POST "$SIM/2/tweets" -H "Authorization: Bearer $X_TOKEN" -H 'Content-Type: application/json' \
  -d '{"text":"Planned maintenance tonight 01:00-03:00 in the North. Thanks for your patience! #acme"}' >/dev/null
sleep 1
t4=$(tweet maria_lopez "@acme still nothing, the router light is blinking red" "$t1")
brand_id=$(curl -fsS "$SIM/2/users/me" -H "Authorization: Bearer $X_TOKEN" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["id"])')
curl -fsS -X POST "$SIM/2/dm_conversations/with/$brand_id/messages" -H "Authorization: Bearer sim-user:devon_k" \
  -H 'Content-Type: application/json' -d '{"text":"Following up privately: my account number is 4481-2290."}' >/dev/null
echo "  @maria_lopez: $t1 (and a follow-up $t4 in the same thread)"
echo "  @devon_k:     $t2 (then a direct message with his account number: it joins his ticket, marked private)"
echo "  @sam_r:       $t3"
echo "  @acme itself posted a maintenance notice: it must not become a ticket"

say "Waiting for the tickets in RT's Social queue"
python3 - "$t1" "$t2" "$t3" <<'PY'
import json, sys, time, urllib.request, urllib.parse, http.cookiejar
jar = http.cookiejar.CookieJar()
op = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
op.open("http://127.0.0.1:8085/NoAuth/Login.html", urllib.parse.urlencode({"user": "root", "pass": "password"}).encode())
want = [f"x:{t}" for t in sys.argv[1:]]
deadline = time.time() + 60
found = {}
while time.time() < deadline and len(found) < len(want):
    for key in want:
        if key in found:
            continue
        q = urllib.parse.quote(f"Queue = 'Social' AND 'CF.{{Social Conversation ID}}' = '{key}'")
        data = json.load(op.open(f"http://127.0.0.1:8085/REST/2.0/tickets?query={q}&fields=Subject"))
        for item in data.get("items", []):
            found[key] = (item["id"], item.get("Subject"))
    time.sleep(0.5)
for key in sorted(found):
    tid, subject = found[key]
    print(f"  ticket #{tid}: {subject}\n    http://127.0.0.1:8085/Ticket/Display.html?id={tid}")
if len(found) < len(want):
    print("  some mentions have no ticket yet; see http://127.0.0.1:8181/socialcare/health", file=sys.stderr)
    sys.exit(1)
PY

cat <<EOT

Social Care Bridge is running.
  RT (agents):        http://127.0.0.1:8085   log in as agent / agent (or root / password)
  Health:             http://127.0.0.1:8181/socialcare/health
  X simulator:        $SIM   (what the brand posted: curl -s $SIM/sim/tweets ; DMs: $SIM/sim/dm_events)
  Karaf:              $KARAF_HOME   (log: $KARAF_HOME/data/log/karaf.log)

How to answer a customer:
  1. Open a ticket above and click Reply.
  2. Choose "Reply Visibility": Public (a reply in the customer's thread, with their @handle)
     or Private (a direct message). Comments stay inside RT.
  3. Send. Within a second the transaction shows "Social Post ID" and "Social Delivery".
  A public reply over 280 characters (links count 23) is refused with a comment on the ticket.

  Stop everything with: ./socialcare stop
EOT

if [ -z "$detach" ]; then
  echo "(Ctrl-C stops the demo; showing the plugin's log)"
  trap 'echo; stop_all; exit 0' INT TERM
  tail -n 0 -F "$KARAF_HOME/data/log/karaf.log" | grep --line-buffered -i -e socialcare -e "Social Care" &
  wait
fi
