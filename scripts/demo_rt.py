"""RT's REST2 for the demo's scripts: a logged-in session, calls, custom fields, and waiting for them."""
import http.cookiejar
import json
import sys
import time
import urllib.parse
import urllib.request

RT = "http://127.0.0.1:8085"


def session(user, password):
    jar = http.cookiejar.CookieJar()
    op = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    op.addheaders = [("Referer", RT + "/")]  # RT's CSRF check on REST2 calls made with a session cookie
    op.open(RT + "/NoAuth/Login.html", urllib.parse.urlencode({"user": user, "pass": password}).encode())
    return op


def call(op, method, path, body=None):
    req = urllib.request.Request(RT + "/REST/2.0" + path, method=method,
                                 data=None if body is None else json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json"})
    return json.load(op.open(req))


def ticket_for(op, conversation_key):
    """The ticket id of a Social Conversation ID, or None while there is none."""
    q = urllib.parse.quote(f"'CF.{{Social Conversation ID}}' = '{conversation_key}'")
    items = call(op, "GET", f"/tickets?query={q}").get("items", [])
    return items[0]["id"] if items else None


def field(ticket, name):
    """A custom field's value, None when it has none (RT 5's REST2 keeps a cleared value as "")."""
    for cf in ticket.get("CustomFields", []):
        if cf.get("name") == name and cf.get("values") and cf["values"][0] != "":
            return cf["values"][0]
    return None


def wait(what, probe, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        got = probe()
        if got:
            return got
        time.sleep(0.5)
    sys.exit(f"  gave up waiting for {what}; see http://127.0.0.1:8181/socialcare/health")


def wait_field(op, ticket, name, starts=("",), seconds=60):
    """Waits until the ticket's field has a value starting with one of these; answers it."""
    def probe():
        value = field(call(op, "GET", f"/ticket/{ticket}"), name)
        return value if value is not None and value.startswith(starts) else None
    return wait(name + " on ticket #" + str(ticket), probe, seconds)
