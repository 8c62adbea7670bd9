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
# The demo's own accounts (agent, lead) and every secret it needs, generated on the first run and kept.
demo_accounts
say "Demo passwords and tokens: $CREDENTIALS (readable by $(id -un) only)"
build
start_simulator
karaf_settings() {
  # A survey five seconds after resolution instead of the shipped ten minutes, and no 30-day cap per customer
  # (the demo's customers come back on every run, their earlier surveys kept), so the demo shows the whole loop.
  sed -i -e 's/^survey.delay = .*/survey.delay = 5s/' -e 's/^survey.cap = .*/survey.cap = 0s/' \
    "$KARAF_HOME/etc/org.socialcarebridge.followup.cfg"
}
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
customer promo4u2day "Deals Deals" 2 false
t1=$(tweet maria_lopez "@acme my internet has been down since 7am and I work from home. Is there an outage in Leeds? Any ETA?")
t2=$(tweet devon_k "@acme I was charged twice for my March bill. Who can sort this out?")
t3=$(tweet sam_r "@acme thanks for the quick fix yesterday, speeds are great now!")
t5=$(tweet promo4u2day "@acme Follow and RT to WIN a free iPhone!!! #giveaway #win #free #contest #iphone")
X_TOKEN=$(credential x.token)
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
echo "  @promo4u2day: $t5 (a giveaway: triage records it as noise, no ticket)"
echo "  @acme itself posted a maintenance notice: it must not become a ticket"

MSIM=http://127.0.0.1:8087
maccount() { # acct display_name followers
  curl -fsS -X PUT "$MSIM/sim/accounts/$1" -H 'Content-Type: application/json' \
    -d "{\"display_name\":\"$2\",\"followers_count\":$3}" >/dev/null
}
toot() { # acct text visibility [in_reply_to_id] -> prints the new status id
  local body
  body=$(python3 -c 'import json,sys; d={"status":sys.argv[1],"visibility":sys.argv[2]}
if len(sys.argv)>3 and sys.argv[3]: d["in_reply_to_id"]=sys.argv[3]
print(json.dumps(d))' "$2" "$3" "${4:-}")
  curl -fsS -X POST "$MSIM/api/v1/statuses" -H "Authorization: Bearer sim-user:$1" -H 'Content-Type: application/json' -d "$body" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}

say "Playing Mastodon conversations with @acme on the Mastodon simulator"
maccount ola_n "Ola N" 12
maccount lena_b "Lena Berg" 310
maccount maria "María López" 95
m0=$(toot ola_n "Anyone else's fibre dropping every evening around 8pm?" public)
m1=$(toot lena_b "@acme @ola_n same here in York, every evening. Please look into it!" public "$m0")
m2=$(toot lena_b "@acme my customer number is 7781-0042, happy to run tests" direct)
# The administrator links María's Mastodon account to her X account: one RT customer for the person.
maria_m=$(curl -fsS "$MSIM/api/v1/accounts/verify_credentials" -H "Authorization: Bearer sim-user:maria" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
maria_x=$(curl -fsS "$SIM/2/users/me" -H "Authorization: Bearer sim-user:maria_lopez" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["id"])')
"$KARAF_HOME/bin/client" -a 8101 -h 127.0.0.1 -u karaf -p "$(credential karaf.console.password)" -r 10 -d 2 \
  "socialcare:link mastodon:$maria_m x:$maria_x" < <(sleep 60) 2>/dev/null | sed 's/^/  karaf> /' || echo "  (could not reach the Karaf shell to link María's accounts)"
m3=$(toot maria "@acme writing here too: still no internet at home, router light blinking red" public)
echo "  @ola_n asked the world (no mention); @lena_b answered mentioning @acme: $m1 brings $m0 along, one ticket"
echo "  @lena_b then wrote privately ($m2): it joins that ticket, marked private, and is answered privately by default"
echo "  @maria on Mastodon ($m3) is linked to @maria_lopez on X: her ticket carries the same RT customer and links the X one"

META=http://127.0.0.1:8088
meta_post() { # path json -> prints the answer
  curl -fsS -X POST "$META$1" -H 'Content-Type: application/json' -d "$2"
}
json_field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

say "Playing a Facebook Page comment and a Messenger conversation on the Meta simulator (signed webhooks)"
fb=$(meta_post /sim/facebook/comments '{"from":"Priya Shah","text":"Your app charged me twice for order 5521. Really not happy, who can fix this?"}')
fb_comment=$(echo "$fb" | json_field comment_id)
fb_key="facebook:$(echo "$fb" | json_field post_id):$(echo "$fb" | json_field from_id)"
ms=$(meta_post /sim/messenger/messages '{"from":"Tom Baker","text":"Hi, parcel 88213 says delivered but nothing arrived. Can you check?"}')
ms_key="facebook:dm:$(echo "$ms" | json_field mid)"
echo "  Priya Shah commented on the Page's post ($fb_comment): one ticket per commenter and post"
echo "  Tom Baker wrote in Messenger: a ticket of its own, answered privately within Meta's 24-hour window"

say "Playing an Instagram comment and a WhatsApp message on the same Meta app (signed webhooks)"
ig=$(meta_post /sim/instagram/comments '{"from":"lena.travels","text":"Third time my booking app crashes at payment. Is anyone fixing this?"}')
ig_key="instagram:$(echo "$ig" | json_field media_id):$(echo "$ig" | json_field from_id)"
# Written 30 hours ago (Meta delivers it only now): WhatsApp's 24-hour window for free text has closed.
wa=$(meta_post /sim/whatsapp/messages '{"from":"447700900123","name":"Omar Haddad","text":"Hello, my refund for booking K7Q2 still has not arrived.","age_seconds":108000}')
wa_key="whatsapp:106000000000001:$(echo "$wa" | json_field wa_id)"
echo "  @lena.travels commented on the brand's Instagram post: a ticket, answered in the comments"
echo "  Omar Haddad wrote on WhatsApp 30 hours ago: his ticket is private only, and past the 24-hour window"

say "Waiting for the tickets in RT, as triage routed them"
RT_AGENT_PASSWORD=$(credential rt.agent.password) python3 - "$ROOT/scripts" "x:$t1" "x:$t2" "x:$t3" "mastodon:$m0" "mastodon:$m3" "$fb_key" "?$ms_key" \
  "$ig_key" "$wa_key" <<'PY'
import os, sys, time
sys.dont_write_bytecode = True  # nothing written into the checkout
sys.path.insert(0, sys.argv[1])
from demo_rt import RT, session, call, ticket_for, field
op = session("agent", os.environ["RT_AGENT_PASSWORD"])
# "?key": a Messenger message that may have joined its sender's ticket from an earlier demo run instead.
optional = [k[1:] for k in sys.argv[2:] if k.startswith("?")]
want = [k.lstrip("?") for k in sys.argv[2:]]
deadline = time.time() + 60
found = {}
while time.time() < deadline and len(found) < len(want):
    if all(k in found for k in want if k not in optional) and time.time() > deadline - 50:
        break
    for key in [k for k in want if k not in found]:
        ticket = ticket_for(op, key)
        if ticket:
            found[key] = ticket
    time.sleep(0.5)
for key in sorted(found):
    t = call(op, "GET", f"/ticket/{found[key]}")
    queue = call(op, "GET", f"/queue/{t['Queue']['id']}")["Name"]
    f = lambda name: field(t, name) or "-"
    print(f"  ticket #{t['id']}: {t['Subject']}\n    {queue}, {f('Social Priority')} (priority {t['Priority']}, due {t['Due']}),"
          f" {f('Social Category')}, {f('Social Sentiment')}\n    {RT}/Ticket/Display.html?id={t['id']}")
for key in [k for k in optional if k not in found]:
    print(f"  {key}: joined its sender's open ticket from an earlier run of the demo")
if any(k not in found for k in want if k not in optional):
    print("  some mentions have no ticket yet; see http://127.0.0.1:8181/socialcare/health", file=sys.stderr)
    sys.exit(1)
PY

say "Answering Priya's Facebook comment publicly, then privately (the comment's one private reply)"
RT_AGENT_PASSWORD=$(credential rt.agent.password) python3 - "$ROOT/scripts" "$fb_key" "$META" <<'PY'
import json, os, sys, urllib.request
sys.dont_write_bytecode = True  # nothing written into the checkout
sys.path.insert(0, sys.argv[1])
from demo_rt import session, call, ticket_for, wait
key, meta = sys.argv[2:]
agent = session("agent", os.environ["RT_AGENT_PASSWORD"])
ticket = ticket_for(agent, key)

def reply(text, visibility):
    call(agent, "POST", f"/ticket/{ticket}/correspond", {"Content": text, "ContentType": "text/plain",
         "TxnCustomFields": {"Reply Visibility": visibility}})
    sent = lambda: [s for s in json.load(urllib.request.urlopen(f"{meta}/sim/sent")) if s["text"] == text]
    s = wait(f"the {visibility} reply on the Page", lambda: sent()[:1])[0]
    print(f"  {visibility:8} -> the Page sent a {s['kind']} in reply to {s['in_reply_to']}: {s['text']}")

reply("Sorry about the double charge, Priya. We're looking into order 5521 now.", "Public")
reply("Priya, we've refunded the duplicate charge on order 5521; it shows within 3-5 days.", "Private")
print(f"  ticket #{ticket}: a second Private reply to this comment would be refused with a comment (Facebook allows one)")
PY

say "Answering on Instagram, and on WhatsApp after its window: free text refused, an approved template instead"
RT_AGENT_PASSWORD=$(credential rt.agent.password) RT_ROOT_PASSWORD=$(credential rt.root.password) \
  python3 - "$ROOT/scripts" "$ig_key" "$wa_key" "$META" <<'PY'
import base64, json, os, sys, urllib.request
sys.dont_write_bytecode = True  # nothing written into the checkout
sys.path.insert(0, sys.argv[1])
from demo_rt import session, call, ticket_for, wait, field
ig_key, wa_key, meta = sys.argv[2:]
agent = session("agent", os.environ["RT_AGENT_PASSWORD"])
sent = lambda text: [s for s in json.load(urllib.request.urlopen(f"{meta}/sim/sent")) if text in s["text"]]

def reply(ticket, text, fields):
    call(agent, "POST", f"/ticket/{ticket}/correspond", {"Content": text, "ContentType": "text/plain",
         "TxnCustomFields": fields})

def delivery(ticket, text, starts):
    """Social Delivery of the newest reply with this text, once it starts so (the ticket may hold earlier runs')."""
    def probe():
        items = call(agent, "GET", f"/ticket/{ticket}/history?per_page=50&orderby=id&order=DESC")["items"]
        for h in items:
            t = call(agent, "GET", f"/transaction/{h['id']}")
            if t["Type"] != "Correspond":
                continue
            body = call(agent, "GET", f"/transaction/{h['id']}/attachments")["items"]
            texts = [call(agent, "GET", f"/attachment/{a['id']}").get("Content", "") for a in body]
            if not any(text in base64.b64decode(c).decode("utf-8", "replace") for c in texts if c):
                continue
            d = field(t, "Social Delivery") or ""
            return d if d.startswith(starts) else None
    return wait(f"Social Delivery '{starts}...' on ticket #{ticket}", probe)

ig = ticket_for(agent, ig_key)
reply(ig, "So sorry, Lena! Our team fixed a payment crash today; could you update the app and try again?",
      {"Reply Visibility": "Public"})
s = wait("the public reply on Instagram", lambda: sent("Our team fixed a payment crash today")[:1])[0]
print(f"  ticket #{ig} (Instagram): Public -> a {s['kind']} under comment {s['in_reply_to']}: {s['text']}")

wa = ticket_for(agent, wa_key)
print(f"  ticket #{wa} (WhatsApp):  Social Reply Window = {field(call(agent, 'GET', f'/ticket/{wa}'), 'Social Reply Window')}")
text = "Your refund for K7Q2 was sent today."
reply(wa, text, {})
print(f"  free text '{text}' -> Social Delivery: {delivery(wa, text, 'refused')[:110]}...")
print("    (nothing reached WhatsApp; a comment on the ticket explains the window and the template choice)")
# Read as the administrator: the field's list, as the Reply form offers it on a WhatsApp ticket.
root = session("root", os.environ["RT_ROOT_PASSWORD"])
values = call(root, "POST", "/customfields", [{"field": "Name", "value": "Social Template"}])["items"]
offered = [v["name"] for v in call(root, "GET", f"/customfield/{values[0]['id']}/values")["items"]] if values else []
print(f"  Social Template offers the account's approved templates: {', '.join(offered)}")
reply(wa, "your refund for K7Q2 was sent today", {"Social Template": "follow_up"})
s = wait("the template on WhatsApp", lambda: sent("your refund for K7Q2 was sent today")[:1])[0]
print(f"  Social Template = follow_up -> WhatsApp sent the {s['template']} template: {s['text']}")
print(f"    Social Delivery: {delivery(wa, 'your refund for K7Q2 was sent today', 'delivered')}"
      " (WhatsApp's statuses: sent, delivered, read)")
PY

say "Closing the loop on @devon_k's ticket: the agent answers and resolves; closing, survey, answer, metrics"
RT_AGENT_PASSWORD=$(credential rt.agent.password) python3 - "$ROOT/scripts" "x:$t2" "$SIM" "$brand_id" <<'PY'
import json, os, sys, urllib.request
sys.dont_write_bytecode = True  # nothing written into the checkout
sys.path.insert(0, sys.argv[1])
from demo_rt import session, call, ticket_for, field, wait, wait_field
key, sim, brand = sys.argv[2:]
agent = session("agent", os.environ["RT_AGENT_PASSWORD"])
ticket = ticket_for(agent, key)
call(agent, "POST", f"/ticket/{ticket}/correspond", {"Content": "We have refunded the duplicate March charge; it shows"
     " on your account within 3-5 days. Sorry about that!", "ContentType": "text/plain"})
print(f"  agent replied on ticket #{ticket} (privately, as Devon last wrote by DM)")
wait("the reply to reach Devon", lambda: field(call(agent, "GET", f"/ticket/{ticket}"), "Social Replies") not in (None, "0"))
call(agent, "PUT", f"/ticket/{ticket}", {"Status": "resolved"})
print("  agent resolved it")
# A plugin that was stopped for a while (its database kept) first reads RT's status changes since then:
# after the end-to-end tests that is thousands of transactions, about a minute.
print("  Social Closing:", wait_field(agent, ticket, "Social Closing", ("sent",), seconds=240))
survey = wait_field(agent, ticket, "Social Survey", ("sent", "not sent"))
print("  Social Survey: ", survey)
if survey.startswith("not sent"):
    sys.exit(0)  # e.g. the administrator's sampling or frequency cap: the ticket says why
req = urllib.request.Request(f"{sim}/2/dm_conversations/with/{brand}/messages", method="POST",
                             data=json.dumps({"text": "5, thanks for sorting it so fast!"}).encode(),
                             headers={"Content-Type": "application/json", "Authorization": "Bearer sim-user:devon_k"})
urllib.request.urlopen(req).read()
print('  Devon answered the survey by DM: "5, thanks for sorting it so fast!"')
print("  Social CSAT:   ", wait_field(agent, ticket, "Social CSAT"), "(credited to",
      wait_field(agent, ticket, "Social Resolved By") + ")")
wait_field(agent, ticket, "Social Resolution (min)")
t = call(agent, "GET", f"/ticket/{ticket}")
print("  status:        ", t["Status"], "(a survey answer never reopens a ticket; a 1 or 2 reopens it for Social Team Leads)")
for name in ["Social First Response (min)", "Social First Response Business (min)", "Social SLA", "Social Replies",
             "Social Sentiment Conversion", "Social Resolution (min)"]:
    print(f"  {name + ':':39} {field(t, name)}")
PY

say "Exporting today's messages for archives and BI tools (CSV and JSON Lines), while the plugin runs"
"$ROOT/scripts/export.sh" --from "$(date -u +%F)" --to "$(date -u -d tomorrow +%F)" --out "$STATE/export"

cat <<EOT

Social Care Bridge is running.
  RT (agents):        http://127.0.0.1:8085   log in as agent (team lead: lead; administrator: root)
  Passwords, tokens:  $CREDENTIALS   (generated on the first run, kept, readable by you only)
  Health:             http://127.0.0.1:8181/socialcare/health
  Real time:          X by its signed webhook, which the plugin registered ($SIM/sim/webhooks); Mastodon by its
                      stream; Meta by webhooks. X's and Mastodon's feeds are still read every minute to catch up
  X simulator:        $SIM   (what the brand posted: curl -s $SIM/sim/tweets ; DMs: $SIM/sim/dm_events)
  Mastodon simulator: $MSIM   (every status, the brand's replies included: curl -s $MSIM/sim/statuses)
  Meta simulator:     $META   (what the Page sent: curl -s $META/sim/sent ; webhook deliveries: $META/sim/webhooks)
  Karaf:              $KARAF_HOME   (log: $KARAF_HOME/data/log/karaf.log)
  Triage rules:       $KARAF_HOME/etc/socialcare-triage.yaml   (edit and save: reloaded within a second)
  Supervisors:        RT > Reports > "Social care" (log in as lead): SLA at risk and breached,
                      volume, first response by tier, CSAT by agent, sentiment conversion, noise, channels
  After resolution:   $KARAF_HOME/etc/org.socialcarebridge.followup.cfg (closing, survey, check-ins)
  Export:             ./socialcare export --from $(date -u +%F) --to $(date -u -d tomorrow +%F) --out DIR

What triage decided: each ticket's "Social Triage" field says which rules fired; filtered noise:
  $KARAF_HOME/bin/client -u karaf -p <karaf.console.password> "socialcare:filtered"
  Dry run of any text, touching nothing: ./socialcare triage "my order never arrived" --followers 12000

How to answer a customer:
  1. Open a ticket above and click Reply.
  2. Choose "Reply Visibility": Public (a reply in the customer's thread, with their @handle),
     Private (a direct message), or Move to private (a public "we've sent you a DM", then your text
     as the DM). Comments stay inside RT. "Include Article" offers the response library.
  3. Send. Within a second the transaction shows "Social Post ID" and "Social Delivery".
  A public reply over 280 characters on X (links count 23), or 500 on Mastodon, is refused with a comment.
  On Facebook a Private reply to a comment is sent once, within 7 days; Messenger within 24 hours of the
  customer's message (to 7 days with Meta's HUMAN_AGENT tag). "Social Moderation" = Hide comments hides
  the customer's comments on the Page. Instagram follows the same rules for its comments and messages.
  WhatsApp is private only: free text within 24 hours of the customer's last message; after that pick an
  approved template in "Social Template" (its placeholders come from your text, one line each).
  A public reply with a card number, e-mail, phone or address is blocked (resend it as Private).
  Replies on tickets triage marked "Social Approval Required" wait for a team lead: log in as
  lead and set "Social Approval" to Approve (or Reject, with a Social Approval Note).
  Reply rules: $KARAF_HOME/etc/org.socialcarebridge.reply.cfg (signature, threads, spot checks, guard).

Administrators link one person's identities (then new tickets carry one RT customer):
  $KARAF_HOME/bin/client -u karaf -p <karaf.console.password> "socialcare:link mastodon:<account id> x:<account id>"
  $KARAF_HOME/bin/client -u karaf -p <karaf.console.password> "socialcare:link x:<account id> alice@example.com"
  or the REST call in docs/features.md (PUT /socialcare/customers/links/{identity}, with the admin token).

  Stop everything with: ./socialcare stop
EOT

if [ -z "$detach" ]; then
  echo "(Ctrl-C stops the demo; showing the plugin's log)"
  trap 'echo; stop_all; exit 0' INT TERM
  tail -n 0 -F "$KARAF_HOME/data/log/karaf.log" | grep --line-buffered -i -e socialcare -e "Social Care" &
  wait
fi
