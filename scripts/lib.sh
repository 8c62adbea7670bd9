#!/usr/bin/env bash
# Shared steps of the socialcare command: prerequisites, RT, build, simulator, Karaf.
ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
STATE="${SOCIALCARE_STATE:-$HOME/.socialcare}"
RT_DIR="$ROOT/descriptors/host/rt"
KARAF_BUILT="$ROOT/descriptors/target/socialcare-karaf"
KARAF_HOME="$STATE/karaf"
SIM_JAR_GLOB="$ROOT/network-simulators/target/socialcare-network-simulators-*.jar"
X_TOKEN="${SOCIALCARE_X_TOKEN:-demo-brand-token}"
MASTODON_TOKEN="${SOCIALCARE_MASTODON_TOKEN:-demo-mastodon-token}"
mkdir -p "$STATE"

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
  bash "$RT_DIR/install-rt.sh"
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

start_simulator() {
  if curl -s -o /dev/null -m 1 http://127.0.0.1:8086/sim/requests && curl -s -o /dev/null -m 1 http://127.0.0.1:8087/sim/requests; then
    return 0
  fi
  stop_pidfile "$STATE/simulator.pid" "the network simulators"
  local jar
  jar=$(ls $SIM_JAR_GLOB 2>/dev/null | grep -v -e sources -e tests | head -1) || true
  [ -n "$jar" ] || die "the network simulators are not built; run the build first"
  say "Starting the X simulator on http://127.0.0.1:8086 and the Mastodon simulator on http://127.0.0.1:8087 (brand @acme)"
  SIM_X_BRAND_TOKEN="$X_TOKEN" SIM_MASTODON_BRAND_TOKEN="$MASTODON_TOKEN" nohup java -cp "$jar:$ROOT/network-simulators/target/lib/*" \
    org.socialcarebridge.simulator.SimulatorMain --x-port 8086 --mastodon-port 8087 --brand-handle acme --rate-limit-multiplier 10 \
    >"$STATE/simulator.log" 2>&1 </dev/null &
  echo $! >"$STATE/simulator.pid"
  wait_http http://127.0.0.1:8086/sim/requests 30 "the X simulator"
  wait_http http://127.0.0.1:8087/sim/requests 30 "the Mastodon simulator"
}

# A fresh copy of the assembled Karaf under the state folder. Only the plugin's database survives a
# reinstall: Karaf's bundle cache (data/cache) would otherwise keep running the previous build.
install_karaf() {
  [ -x "$KARAF_BUILT/bin/karaf" ] || die "the Karaf distribution is not built ($KARAF_BUILT); run the build first"
  local keep="$STATE/socialcare-db.keep"
  rm -rf "$keep"
  [ -d "$KARAF_HOME/data/socialcare" ] && mv "$KARAF_HOME/data/socialcare" "$keep"
  rm -rf "$KARAF_HOME"
  mkdir -p "$KARAF_HOME"
  (cd "$KARAF_BUILT" && tar cf - .) | (cd "$KARAF_HOME" && tar xf -)
  if [ -d "$keep" ]; then
    mkdir -p "$KARAF_HOME/data"
    mv "$keep" "$KARAF_HOME/data/socialcare"
  fi
}

start_karaf() {
  if curl -s -o /dev/null -m 1 http://127.0.0.1:8181/socialcare/health; then
    # Already running: the caller's settings are applied by Config Admin's hot reload (unchanged: nothing happens).
    if declare -F karaf_settings >/dev/null; then karaf_settings; sleep 3; fi
    wait_http http://127.0.0.1:8181/socialcare/health 60 "Karaf with the plugin"
    return 0
  fi
  install_karaf
  # The caller's settings for this run (e.g. the demo's short survey delay), applied before the first start.
  if declare -F karaf_settings >/dev/null; then karaf_settings; fi
  say "Starting Karaf 4.4.10 with the plugin ($KARAF_HOME)"
  # exec: no shell is left holding the caller's output open while Karaf runs.
  (cd "$KARAF_HOME" && exec nohup bin/karaf server >"$STATE/karaf.out" 2>&1 </dev/null) &
  echo $! >"$STATE/karaf.pid"
  wait_http http://127.0.0.1:8181/socialcare/health 120 "Karaf with the plugin"
}

stop_pidfile() { # file name
  local f=$1 name=$2 pid
  [ -f "$f" ] || return 0
  pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    # bin/karaf is a shell script: signal its JVM too, the shell would hold the signal.
    pkill -TERM -P "$pid" 2>/dev/null || true
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    pkill -9 -P "$pid" 2>/dev/null || true
    kill -9 "$pid" 2>/dev/null || true
    echo "stopped $name"
  fi
  rm -f "$f"
}

stop_all() {
  if [ -x "$KARAF_HOME/bin/stop" ] && [ -f "$STATE/karaf.pid" ]; then
    (cd "$KARAF_HOME" && bin/stop >/dev/null 2>&1) || true
  fi
  stop_pidfile "$STATE/karaf.pid" "Karaf"
  stop_pidfile "$STATE/simulator.pid" "the network simulators"
  bash "$RT_DIR/rt-server.sh" stop 2>/dev/null || true
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
