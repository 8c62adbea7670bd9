#!/usr/bin/env bash
# Shared steps of the socialcare command: prerequisites, RT, build, simulator, Karaf.
ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
STATE="${SOCIALCARE_STATE:-$HOME/.socialcare}"
RT_DIR="$ROOT/descriptors/host/rt"
KARAF_BUILT="$ROOT/descriptors/target/socialcare-karaf"
# Karaf never runs as root: root's runs hand it to the system user socialcare, whose home it lives in
# (root's own home is closed to other users); anyone else runs it as themselves under the state folder.
KARAF_USER=socialcare
if [ "$(id -u)" = 0 ]; then
  KARAF_HOME="${SOCIALCARE_KARAF_HOME:-/var/lib/socialcare/karaf}"
else
  KARAF_HOME="${SOCIALCARE_KARAF_HOME:-$STATE/karaf}"
fi
SIM_JAR_GLOB="$ROOT/network-simulators/target/socialcare-network-simulators-*.jar"
CREDENTIALS="$STATE/demo-credentials"
(umask 077 && mkdir -p "$STATE")
chmod 700 "$STATE"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'socialcare: %s\n' "$*" >&2; exit 1; }

# Java 17 and Maven from Debian's packages when the machine lacks them.
ensure_toolchain() {
  local missing=()
  command -v java >/dev/null || missing+=(openjdk-17-jdk-headless)
  command -v mvn >/dev/null || missing+=(maven)
  command -v curl >/dev/null || missing+=(curl)
  command -v python3 >/dev/null || missing+=(python3)
  if [ ${#missing[@]} -gt 0 ]; then
    say "Installing ${missing[*]} from Debian's packages"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  local v
  v=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
  if [ "${v:-0}" -ne 17 ] && [ "${v:-0}" -ne 21 ]; then
    # Karaf 4.4 does not run on newer JDKs; prefer Debian's 17 when it is there.
    if [ -d /usr/lib/jvm/java-17-openjdk-amd64 ]; then
      export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 PATH=/usr/lib/jvm/java-17-openjdk-amd64/bin:$PATH
    else
      die "Java 17 or 21 is needed (found $v); install openjdk-17-jdk-headless"
    fi
  fi
  # Karaf's scripts want JAVA_HOME.
  if [ -z "${JAVA_HOME:-}" ]; then
    JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    export JAVA_HOME
  fi
}

# RT 5 from Debian's packages, started on 127.0.0.1:8085 and provisioned (all idempotent).
ensure_rt() {
  # A fresh install's RT root password is generated and kept with the demo's, never Debian's "password".
  SOCIALCARE_RT_ROOT_PASSWORD="$(credential rt.root.password)" bash "$RT_DIR/install-rt.sh"
  # Provisioning installs the RT extension the site configuration names, so it runs before the server.
  bash "$RT_DIR/provision.sh" 2>&1 | grep -v "internal HTML converter" || true
  bash "$RT_DIR/rt-server.sh" start
}

build() {
  say "Building the plugin, the simulator and the Karaf distribution (mvn install -DskipTests)"
  (cd "$ROOT" && mvn -B -q install -DskipTests) || die "the build failed (see above)"
}

wait_http() { # url seconds what
  local url=$1 secs=$2 what=$3 i
  for ((i = 0; i < secs * 4; i++)); do
    if curl -s -o /dev/null -m 2 "$url"; then return 0; fi
    sleep 0.25
  done
  die "$what did not answer at $url within ${secs}s"
}

# The Meta simulator's Graph API with the demo's Page token, kept off the command line (curl reads the
# header from stdin): meta_graph PATH [curl options...] prints the answer.
META_GRAPH=http://127.0.0.1:8088/v23.0
meta_graph() {
  local path=$1
  shift
  printf 'header = "Authorization: Bearer %s"\n' "$(credential meta.page.token)" | curl -K - -s -m 5 "$@" "$META_GRAPH$path"
}

start_simulator() {
  # A running set is kept only if it knows this demo's brand tokens and Page token (an older demo's may not).
  if [ "$(curl -s -o /dev/null -w '%{http_code}' -m 2 -H "Authorization: Bearer $(credential x.token)" http://127.0.0.1:8086/2/users/me)" = 200 ] \
     && [ "$(curl -s -o /dev/null -w '%{http_code}' -m 2 -H "Authorization: Bearer $(credential mastodon.token)" \
             http://127.0.0.1:8087/api/v1/accounts/verify_credentials)" = 200 ] \
     && [ "$(meta_graph /me -o /dev/null -w '%{http_code}')" = 200 ]; then
    return 0
  fi
  stop_pidfile "$STATE/simulator.pid" "the network simulators"
  local jar
  jar=$(ls $SIM_JAR_GLOB 2>/dev/null | grep -v -e sources -e tests | head -1) || true
  [ -n "$jar" ] || die "the network simulators are not built; run the build first"
  say "Starting the X, Mastodon and Meta simulators on http://127.0.0.1:8086, :8087 and :8088 (brand @acme)"
  # Every token and secret is the demo's own (generated, kept in $CREDENTIALS); the simulators have no defaults.
  SIM_X_BRAND_TOKEN="$(credential x.token)" SIM_X_CONSUMER_SECRET="$(credential x.consumer.secret)" \
  SIM_MASTODON_BRAND_TOKEN="$(credential mastodon.token)" \
  SIM_META_PAGE_TOKEN="$(credential meta.page.token)" SIM_META_APP_SECRET="$(credential meta.app.secret)" \
  SIM_META_VERIFY_TOKEN="$(credential meta.verify.token)" SIM_WHATSAPP_TOKEN="$(credential meta.whatsapp.token)" \
  nohup java -cp "$jar:$ROOT/network-simulators/target/lib/*" \
    org.socialcarebridge.simulator.SimulatorMain --x-port 8086 --mastodon-port 8087 --meta-port 8088 --brand-handle acme \
    --rate-limit-multiplier 10 >"$STATE/simulator.log" 2>&1 </dev/null &
  echo $! >"$STATE/simulator.pid"
  wait_http http://127.0.0.1:8086/sim/requests 30 "the X simulator"
  wait_http http://127.0.0.1:8087/sim/requests 30 "the Mastodon simulator"
  wait_http http://127.0.0.1:8088/sim/requests 30 "the Meta simulator"
}

# The demo's secrets: generated on first use, kept owner-readable in $CREDENTIALS (key=value a line)
# and re-applied on every run. Nothing outside the demo reads this file.
credential() { # key -> prints its value, generating and keeping one first when missing
  local key=$1 value
  (umask 077 && touch "$CREDENTIALS")
  chmod 600 "$CREDENTIALS"
  value=$(grep -F "$key=" "$CREDENTIALS" | grep "^${key//./\\.}=" | tail -1 | cut -d= -f2-)
  if [ -z "$value" ]; then
    value=$(head -c 48 /dev/urandom | base64 | tr -d '/+=\n' | head -c 32)
    printf '%s=%s\n' "$key" "$value" >>"$CREDENTIALS"
  fi
  printf '%s' "$value"
}

# RT's copy of the notification secret (written by install-rt.sh, readable by root and RT only).
RT_NOTIFY_SECRET_FILE=/etc/request-tracker5/RT_SiteConfig.d/98-socialcare-secret.pm
rt_notify_secret() {
  grep -o "[0-9a-f]\{64\}" "$RT_NOTIFY_SECRET_FILE" 2>/dev/null | head -1
}

# The demo's RT accounts with the kept passwords. The demo owns agent, lead and the plugin's user and
# re-applies their passwords; RT's root is changed only from the fixed one earlier demos set.
demo_accounts() {
  local rtuser="$RT_DIR/rt-user.pl" out secret
  out=$(credential rt.root.password | perl "$rtuser" root --password-stdin --replace-if password 2>&1) \
    || die "could not set RT's root password: $out"
  out=$(credential rt.agent.password | perl "$rtuser" agent --real-name "Alex Agent" --privileged \
    --group "Social Agents" --password-stdin --rotate 2>&1) || die "could not create the demo agent in RT: $out"
  out=$(credential rt.lead.password | perl "$rtuser" lead --real-name "Lee Lead" --privileged \
    --group "Social Team Leads" --password-stdin --rotate 2>&1) || die "could not create the demo team lead in RT: $out"
  out=$(credential rt.plugin.password | perl "$rtuser" socialcare --password-stdin --rotate 2>&1) \
    || die "could not set the password of the plugin's RT user: $out"
  secret=$(rt_notify_secret)
  [ -n "$secret" ] || die "RT has no notification secret in $RT_NOTIFY_SECRET_FILE; run ./socialcare provision"
  sed -i '/^rt\.notify\.secret=/d' "$CREDENTIALS"
  printf 'rt.notify.secret=%s\n' "$secret" >>"$CREDENTIALS"
}

# The system user Karaf runs as when root starts the demo.
ensure_karaf_user() {
  [ "$(id -u)" = 0 ] || return 0
  local home; home=$(dirname "$KARAF_HOME")
  if ! id -u "$KARAF_USER" >/dev/null 2>&1; then
    useradd --system --user-group --home-dir "$home" --shell /usr/sbin/nologin "$KARAF_USER"
  fi
  mkdir -p "$home"
  chown "$KARAF_USER:$KARAF_USER" "$home"
  chmod 700 "$home"
}

# A fresh copy of the assembled Karaf. Only the plugin's database survives a reinstall: Karaf's bundle
# cache (data/cache) would otherwise keep running the previous build.
install_karaf() {
  [ -x "$KARAF_BUILT/bin/karaf" ] || die "the Karaf distribution is not built ($KARAF_BUILT); run the build first"
  ensure_karaf_user
  local keep="$KARAF_HOME.db.keep"
  rm -rf "$keep"
  # Earlier versions kept the demo's Karaf under the state folder: its database moves along.
  if [ "$STATE/karaf" != "$KARAF_HOME" ] && [ -d "$STATE/karaf/data/socialcare" ] && [ ! -d "$KARAF_HOME/data/socialcare" ]; then
    mkdir -p "$KARAF_HOME/data" && mv "$STATE/karaf/data/socialcare" "$KARAF_HOME/data/socialcare"
    rm -rf "$STATE/karaf"
  fi
  [ -d "$KARAF_HOME/data/socialcare" ] && mv "$KARAF_HOME/data/socialcare" "$keep"
  rm -rf "$KARAF_HOME"
  (umask 077 && mkdir -p "$KARAF_HOME")
  (cd "$KARAF_BUILT" && tar cf - .) | (cd "$KARAF_HOME" && tar xf -)
  if [ -d "$keep" ]; then
    mkdir -p "$KARAF_HOME/data"
    mv "$keep" "$KARAF_HOME/data/socialcare"
  fi
}

# The Facebook Page's id as the Meta simulator names it (GET /v23.0/me with the demo's Page token).
meta_page_id() {
  local answer id
  answer=$(meta_graph /me) || true
  id=$(printf '%s' "$answer" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])' 2>/dev/null) || true
  [ -n "$id" ] || die "the Meta simulator did not name its Page at $META_GRAPH/me (answer: ${answer:-none});" \
    "start it first (start_simulator), or see $STATE/simulator.log"
  printf '%s' "$id"
}

# The demo's secrets into Karaf's settings, owner-readable, before Karaf reads them.
karaf_secrets() {
  local etc="$KARAF_HOME/etc" page_id
  page_id=$(meta_page_id) || exit 1 # its die ended only the subshell
  set_cfg "$etc/org.socialcarebridge.host.rt.cfg" password "$(credential rt.plugin.password)"
  set_cfg "$etc/org.socialcarebridge.network.x.cfg" bearerToken "$(credential x.token)"
  set_cfg "$etc/org.socialcarebridge.network.mastodon.cfg" accessToken "$(credential mastodon.token)"
  # Real time: X delivers signed events to the webhook the plugin registers itself (the simulator's app-only
  # token is the brand's); Mastodon streams notifications. The feeds are read only to catch up.
  set_cfg "$etc/org.socialcarebridge.network.x.cfg" intake webhook
  set_cfg "$etc/org.socialcarebridge.network.x.cfg" consumerSecret "$(credential x.consumer.secret)"
  set_cfg "$etc/org.socialcarebridge.network.x.cfg" appBearerToken "$(credential x.token)"
  set_cfg "$etc/org.socialcarebridge.network.x.cfg" publicUrl "http://127.0.0.1:8181/socialcare/webhooks/x"
  set_cfg "$etc/org.socialcarebridge.network.mastodon.cfg" intake stream
  # The Meta app's webhook secrets and the Facebook Page the simulator serves (its id asked from it).
  set_cfg "$etc/org.socialcarebridge.network.meta.cfg" appSecret "$(credential meta.app.secret)"
  set_cfg "$etc/org.socialcarebridge.network.meta.cfg" verifyToken "$(credential meta.verify.token)"
  set_cfg "$etc/org.socialcarebridge.network.facebook.cfg" graphUrl "${META_GRAPH%/v23.0}"
  set_cfg "$etc/org.socialcarebridge.network.facebook.cfg" pageToken "$(credential meta.page.token)"
  set_cfg "$etc/org.socialcarebridge.network.facebook.cfg" pageId "$page_id"
  # Instagram uses the Page's token; its account id is the simulator's fixed one.
  set_cfg "$etc/org.socialcarebridge.network.instagram.cfg" graphUrl "${META_GRAPH%/v23.0}"
  set_cfg "$etc/org.socialcarebridge.network.instagram.cfg" pageToken "$(credential meta.page.token)"
  set_cfg "$etc/org.socialcarebridge.network.instagram.cfg" pageId "$page_id"
  set_cfg "$etc/org.socialcarebridge.network.instagram.cfg" accountId 17841400000000001
  set_cfg "$etc/org.socialcarebridge.network.instagram.cfg" enabled true
  # The simulator's WhatsApp number (the shipped ids are its own), with its system-user token.
  set_cfg "$etc/org.socialcarebridge.network.whatsapp.cfg" graphUrl "${META_GRAPH%/v23.0}"
  set_cfg "$etc/org.socialcarebridge.network.whatsapp.cfg" accessToken "$(credential meta.whatsapp.token)"
  set_cfg "$etc/org.socialcarebridge.network.whatsapp.cfg" enabled true
  set_cfg "$etc/org.socialcarebridge.http.cfg" adminToken "$(credential admin.token)"
  set_cfg "$etc/org.socialcarebridge.http.cfg" notifySecret "$(rt_notify_secret)"
  set_cfg "$etc/org.socialcarebridge.store.cfg" password "$(credential store.password)"
  # The console user of bin/client; Karaf hashes the password when it starts (jaas encryption.enabled).
  set_cfg "$etc/users.properties" karaf "$(credential karaf.console.password),_g_:admingroup"
  set_cfg "$etc/users.properties" '_g_\:admingroup' 'group,admin,manager,viewer,systembundles,ssh'
  chmod 600 "$etc"/*.cfg "$etc/users.properties"
}

set_cfg() { # file key value: key = value, in place of the first line (commented out or not) of that key
  local file=$1 key=$2 value=$3 tmp
  [ -f "$file" ] || (umask 077 && : >"$file") # a channel's file its feature has not laid yet
  tmp=$(mktemp "$file.XXXXXX")
  KEY="$key" VALUE="$value" awk '
    BEGIN { key = ENVIRON["KEY"]; value = ENVIRON["VALUE"] }
    { line = $0; sub(/^#[ \t]*/, "", line) }
    index(line, key) == 1 && substr(line, length(key) + 1) ~ /^[ \t]*=/ {
      if (!done) { print key " = " value; done = 1 }
      next
    }
    { print }
    END { if (!done) print key " = " value }
  ' "$file" >"$tmp"
  chmod 600 "$tmp"
  mv "$tmp" "$file"
}

start_karaf() {
  if curl -s -o /dev/null -m 1 http://127.0.0.1:8181/socialcare/health; then
    # Already running: the caller's settings are applied by Config Admin's hot reload (unchanged: nothing happens).
    if declare -F karaf_settings >/dev/null; then karaf_settings; sleep 3; fi
    wait_http http://127.0.0.1:8181/socialcare/health 60 "Karaf with the plugin"
    return 0
  fi
  free_karaf_ports
  install_karaf
  karaf_secrets
  # The caller's settings for this run (e.g. the demo's short survey delay), applied before the first start.
  if declare -F karaf_settings >/dev/null; then karaf_settings; fi
  if [ "$(id -u)" = 0 ]; then chown -R "$KARAF_USER:$KARAF_USER" "$KARAF_HOME"; fi
  say "Starting Karaf 4.4.10 with the plugin ($KARAF_HOME, as user $([ "$(id -u)" = 0 ] && echo "$KARAF_USER" || id -un))"
  local run=(bin/karaf server)
  if [ "$(id -u)" = 0 ]; then
    # exec'd in place (no fork), so the pid recorded below is Karaf's own session.
    run=(setpriv --reuid="$KARAF_USER" --regid="$KARAF_USER" --init-groups env HOME="$(dirname "$KARAF_HOME")" "${run[@]}")
  fi
  # Its own session (setsid), so stop signals every process of it; exec: no shell is left holding the
  # caller's output open while Karaf runs.
  (cd "$KARAF_HOME" && umask 077 && exec setsid nohup "${run[@]}" >"$STATE/karaf.out" 2>&1 </dev/null) &
  echo $! >"$STATE/karaf.pid"
  wait_http http://127.0.0.1:8181/socialcare/health 120 "Karaf with the plugin"
}

stop_pidfile() { # file name
  local f=$1 name=$2 pid
  [ -f "$f" ] || return 0
  pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    # The whole process group where it has one (setsid), and the children: bin/karaf is a shell script
    # whose shell would hold the signal.
    kill -TERM -- "-$pid" 2>/dev/null || true
    pkill -TERM -P "$pid" 2>/dev/null || true
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 -- "-$pid" 2>/dev/null || true
    pkill -9 -P "$pid" 2>/dev/null || true
    kill -9 "$pid" 2>/dev/null || true
    echo "stopped $name"
  fi
  rm -f "$f"
}

# Pids listening on a local TCP port.
port_owners() {
  ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u
}

# Stops any Karaf still holding the demo's ports: one whose pid file was lost or overwritten by a second run.
free_karaf_ports() {
  local port pid freed=""
  for port in 8181 8101; do
    for pid in $(port_owners "$port"); do
      if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'org.apache.karaf.main.Main'; then
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
        kill -9 "$pid" 2>/dev/null || true
        freed=1
      fi
    done
  done
  [ -z "$freed" ] || echo "stopped a Karaf that still held the demo's ports"
}

stop_all() {
  if [ -x "$KARAF_HOME/bin/stop" ] && [ -f "$STATE/karaf.pid" ]; then
    (cd "$KARAF_HOME" && timeout 20 bin/stop >/dev/null 2>&1) || true
  fi
  stop_pidfile "$STATE/karaf.pid" "Karaf"
  free_karaf_ports
  stop_pidfile "$STATE/simulator.pid" "the network simulators"
  bash "$RT_DIR/rt-server.sh" stop 2>/dev/null || true
  local port busy=""
  for _ in $(seq 1 20); do
    busy=""
    for port in 8085 8086 8087 8088 8101 8181; do
      [ -z "$(port_owners "$port")" ] || busy="$busy $port"
    done
    [ -n "$busy" ] || break
    sleep 0.5
  done
  [ -z "$busy" ] || die "still listening after stop on port(s)${busy}: pid(s) $(for p in $busy; do port_owners "$p"; done | tr '\n' ' ')"
  echo "stopped: nothing listens on 8085, 8086, 8087, 8088, 8101 or 8181"
}

# The domain module's classes and runtime classpath (JDBC drivers included) for the tools that run it
# outside Karaf (triage, export), built on first use and again when its sources change. Prints the classpath.
domain_classpath() {
  local target="$ROOT/plugin-bundle/target" cp_file="$ROOT/plugin-bundle/target/domain.classpath"
  if [ ! -f "$cp_file" ] || [ ! -d "$target/classes" ] \
     || [ -n "$(find "$ROOT/plugin-bundle/src/main" "$ROOT/plugin-bundle/pom.xml" "$ROOT/pom.xml" -newer "$cp_file" -print -quit)" ]; then
    say "Building the domain module (plugin-bundle)" >&2
    (cd "$ROOT" && mvn -B -q -Dstyle.color=never -pl plugin-bundle compile dependency:build-classpath \
       -Dmdep.outputFile=target/domain.classpath -DincludeScope=runtime) >&2 || die "the build failed (see above)"
  fi
  printf '%s:%s' "$target/classes" "$(cat "$cp_file")"
}
