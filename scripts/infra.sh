#!/usr/bin/env bash
# Local infrastructure for Candor development and tests: a private Postgres cluster and a
# single-node Apache Kafka (KRaft) broker, both on 127.0.0.1 only, all state under .candor/.
#
#   bash scripts/infra.sh up       start Postgres + Kafka (installs/fetches what is missing), wait until ready
#   bash scripts/infra.sh down     stop both (data is kept)
#   bash scripts/infra.sh status   show what runs
#   bash scripts/infra.sh env      print each service's `DATABASE_URL_<SERVICE>=...` (its own role, e.g.
#                                  DATABASE_URL_BOT_ENGINE), `DATABASE_URL=...` and LOCAL_KEYSTORE_DATABASE_URL (the
#                                  local key store's role), `MIGRATIONS_DATABASE_URL=...` (the schema owner),
#                                  `export KAFKA_BROKERS=...` and,
#                                  for the local broker, how to reach it: KAFKA_TLS, KAFKA_TLS_CA_FILE,
#                                  KAFKA_SASL_MECHANISM, the admin's CANDOR_KAFKA_ADMIN_USERNAME/_PASSWORD and each
#                                  service's CANDOR_KAFKA_PASSWORD_<SERVICE> (e.g. CANDOR_KAFKA_PASSWORD_BOT_ENGINE;
#                                  its username is the service's name)
#   bash scripts/infra.sh deps     only install Postgres (apt) and fetch the Kafka jars (maven)
#   bash scripts/infra.sh reset    down + delete all local data under .candor/ (Kafka's passwords and TLS files
#                                  under .candor/kafka are kept; delete them to have new ones made)
#
# Login roles: `candor` owns the database and every schema (migrations, the tests' own inspection); each service
# runs as a role of its own that owns nothing (`candor_conversation`, `candor_bot_engine`, `candor_handoff`,
# `candor_consent_ledger`, `candor_dsr`; no CREATEDB, no CREATEROLE), which its migrations grant its own schema and
# nothing else, so a service can neither read another's data nor undo append-only tables; `candor_keystore` holds
# the local key provider's store (a stand-in for Vault, shared by the services). `candor` is a member of each, so it
# can end their sessions and read what the key store creates.
#
# Environment:
#   DATABASE_URL      if set, Postgres is external: nothing is installed/started for it (set
#                     MIGRATIONS_DATABASE_URL too, to migrate as the schemas' owner)
#   KAFKA_BROKERS     if set, Kafka is external: nothing is fetched/started for it
#   CANDOR_PG_PORT    local Postgres port (default 55432)
#   CANDOR_KAFKA_PORT local Kafka port (default 59092; the KRaft controller uses port+1)
#   CANDOR_INFRA_TIMEOUT  seconds to wait for readiness (default 90)
#
# Kafka: clients connect over TLS with SASL/SCRAM-SHA-512 (listener SASL_SSL on 127.0.0.1:$CANDOR_KAFKA_PORT); the
# KRaft controller listens on port+1 (SASL/PLAIN, the broker's own login). Created once under .candor/kafka: a local
# CA and the broker's certificate for 127.0.0.1/localhost (tls/, clients trust tls/ca.pem), a PKCS12 keystore, and
# random passwords (credentials.env, mode 600) for `admin` (super user), `broker` (the broker itself) and one user per
# service, added to the storage when it is formatted. The authorizer (StandardAuthorizer) refuses what no ACL allows;
# after starting, scripts/kafka-acls.ts grants each service its topics and consumer group (derived from the event
# catalogue). Data formatted before this (PLAINTEXT, no SCRAM users) is re-created: it holds only local data.
#
# Postgres refuses to run as root, so when run as root its server runs as the `postgres` OS user.
# Progress goes to stderr; only `env` and `status` write to stdout.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
STATE="$ROOT/.candor"

PG_PORT="${CANDOR_PG_PORT:-55432}"
KAFKA_PORT="${CANDOR_KAFKA_PORT:-59092}"
KAFKA_CONTROLLER_PORT="$((KAFKA_PORT + 1))"
TIMEOUT="${CANDOR_INFRA_TIMEOUT:-90}"

PG_USER=candor
PG_PASSWORD=candor
PG_DB=candor
PG_KEYSTORE_USER=candor_keystore
PG_KEYSTORE_PASSWORD=candor_keystore
# Before each service had a role of its own, all of them ran as this one: its grants are taken back.
PG_LEGACY_APP_USER=candor_app

KAFKA_DIR="$STATE/kafka"
KAFKA_LIBS="$KAFKA_DIR/libs"
KAFKA_DATA="$KAFKA_DIR/data"
KAFKA_PID="$STATE/kafka.pid"
KAFKA_POM="$ROOT/infra/kafka/pom.xml"
KAFKA_LOG4J="$ROOT/infra/kafka/log4j2.yaml"
KAFKA_TLS_DIR="$KAFKA_DIR/tls"
KAFKA_CREDENTIALS="$KAFKA_DIR/credentials.env"
# Written after a format that added the SCRAM users of credentials.env; data without it predates them.
KAFKA_SECURITY_STAMP="$KAFKA_DATA/security.stamp"
KAFKA_SERVICES=(conversation bot-engine handoff consent-ledger dsr)

PG_PID="$STATE/postgres.pid"
PG_LOCATION="$STATE/postgres.location"

log() { printf '[infra] %s\n' "$*" >&2; }
die() { printf '[infra] ERROR: %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# ---------------------------------------------------------------------------------------------
# prerequisites
# ---------------------------------------------------------------------------------------------
APT_UPDATED=0
apt_install() {
  command -v apt-get >/dev/null 2>&1 || die "apt-get not available; please install: $*"
  local sudo=()
  if ! is_root; then
    command -v sudo >/dev/null 2>&1 || die "need root (or sudo) to install: $*"
    sudo=(sudo)
  fi
  if [ "$APT_UPDATED" -eq 0 ]; then
    log "apt-get update"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    APT_UPDATED=1
  fi
  log "apt-get install $*"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

pg_bindir() {
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -n "$d" ] && [ -x "$d/pg_ctl" ]; then printf '%s\n' "$d"; fi
}

ensure_postgres_installed() {
  if [ -n "$(pg_bindir)" ]; then return 0; fi
  log "Postgres binaries not found; installing from Debian packages"
  # Do not let the package create and start its own 'main' cluster on 5432: we run a private one.
  apt_install postgresql-common
  local cc=/etc/postgresql-common/createcluster.conf
  if [ -f "$cc" ]; then
    local sudo=(); is_root || sudo=(sudo)
    "${sudo[@]}" sed -i -E 's/^#?[[:space:]]*create_main_cluster[[:space:]]*=.*/create_main_cluster = false/' "$cc"
  fi
  apt_install postgresql postgresql-client
  [ -n "$(pg_bindir)" ] || die "postgresql installed but no /usr/lib/postgresql/*/bin/pg_ctl found"
}

ensure_java_maven() {
  local pkgs=()
  command -v java >/dev/null 2>&1 || pkgs+=(default-jre-headless)
  command -v mvn >/dev/null 2>&1 || pkgs+=(maven)
  if [ "${#pkgs[@]}" -gt 0 ]; then apt_install "${pkgs[@]}"; fi
}

pom_stamp() { cksum <"$KAFKA_POM" | cut -d' ' -f1; }

ensure_kafka_libs() {
  local stamp
  stamp="$(pom_stamp)"
  if [ -f "$KAFKA_LIBS/.complete" ] && [ "$(cat "$KAFKA_LIBS/.complete")" = "$stamp" ]; then
    command -v java >/dev/null 2>&1 || ensure_java_maven
    return 0
  fi
  ensure_java_maven
  log "fetching Kafka jars with Maven into .candor/kafka/libs"
  rm -rf "$KAFKA_LIBS.tmp"
  mkdir -p "$KAFKA_DIR"
  if ! mvn -q -B -f "$KAFKA_POM" dependency:copy-dependencies \
      -DoutputDirectory="$KAFKA_LIBS.tmp" -DincludeScope=runtime >"$KAFKA_DIR/mvn.log" 2>&1; then
    tail -n 40 "$KAFKA_DIR/mvn.log" >&2 || true
    die "maven could not fetch the Kafka jars (full log: $KAFKA_DIR/mvn.log)"
  fi
  rm -rf "$KAFKA_LIBS"
  mv "$KAFKA_LIBS.tmp" "$KAFKA_LIBS"
  printf '%s\n' "$stamp" >"$KAFKA_LIBS/.complete"
}

# ---------------------------------------------------------------------------------------------
# postgres
# ---------------------------------------------------------------------------------------------
# OS user that owns and runs the cluster
pg_os_user() { if is_root; then echo postgres; else id -un; fi; }

as_pg() {
  if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Base dir of the private cluster. Normally .candor/postgres; if the postgres OS user cannot reach
# the checkout (e.g. a clone under /root), fall back to a per-checkout dir under /var/tmp.
pg_base() {
  if [ -f "$PG_LOCATION" ]; then cat "$PG_LOCATION"; return; fi
  echo "$STATE/postgres"
}

choose_pg_base() {
  [ -f "$PG_LOCATION" ] && return 0
  local base="$STATE/postgres"
  mkdir -p "$base"
  if is_root; then
    chown postgres:postgres "$base"
    chmod 700 "$base"
    if ! runuser -u postgres -- test -w "$base" 2>/dev/null; then
      local alt
      alt="/var/tmp/candor-$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1)/postgres"
      log "postgres user cannot access $base; using $alt instead"
      mkdir -p "$alt"
      chown postgres:postgres "$alt" "$(dirname "$alt")"
      chmod 700 "$alt"
      base="$alt"
    fi
  fi
  printf '%s\n' "$base" >"$PG_LOCATION"
}

pg_data() { echo "$(pg_base)/data"; }
pg_sock() { echo "$(pg_base)/run"; }
pg_log() { echo "$(pg_base)/postgres.log"; }

pg_running() {
  local bin data
  bin="$(pg_bindir)"
  data="$(pg_data)"
  [ -n "$bin" ] && [ -f "$data/PG_VERSION" ] || return 1
  as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1
}

pg_url() { echo "postgres://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DB"; }
pg_keystore_url() { echo "postgres://$PG_KEYSTORE_USER:$PG_KEYSTORE_PASSWORD@127.0.0.1:$PG_PORT/$PG_DB"; }
# A service's own role (candor_bot_engine for bot-engine); its password is its name (this machine's cluster only).
pg_service_role() { printf 'candor_%s' "$(printf '%s' "$1" | tr 'A-Z-' 'a-z_')"; }
pg_service_url() {
  local role
  role="$(pg_service_role "$1")"
  echo "postgres://$role:$role@127.0.0.1:$PG_PORT/$PG_DB"
}

pg_up() {
  if [ -n "${DATABASE_URL:-}" ]; then log "DATABASE_URL is set: using external Postgres, not starting one"; return 0; fi
  ensure_postgres_installed
  local bin data sock logf
  bin="$(pg_bindir)"
  choose_pg_base
  data="$(pg_data)"; sock="$(pg_sock)"; logf="$(pg_log)"

  if [ ! -f "$data/PG_VERSION" ]; then
    log "initdb private Postgres cluster ($("$bin/postgres" --version | awk '{print $3}')) in ${data#"$ROOT"/}"
    rm -rf "$data"
    mkdir -p "$data"
    is_root && chown postgres:postgres "$data"
    chmod 700 "$data"
    # local (unix socket, private dir): peer for the cluster superuser; TCP: passwords only.
    if ! as_pg "$bin/initdb" -D "$data" -E UTF8 --locale=C.UTF-8 \
        --auth-local=peer --auth-host=scram-sha-256 >"$(pg_base)/initdb.log" 2>&1; then
      tail -n 30 "$(pg_base)/initdb.log" >&2 || true
      die "initdb failed"
    fi
    printf "\ninclude_if_exists = 'candor.conf'\n" | as_pg tee -a "$data/postgresql.conf" >/dev/null
  fi
  mkdir -p "$sock"
  is_root && chown postgres:postgres "$sock"
  chmod 700 "$sock"
  # Settings are rewritten on every `up` so that CANDOR_PG_PORT changes take effect.
  as_pg tee "$data/candor.conf" >/dev/null <<EOF
# written by scripts/infra.sh -- local development/test cluster only
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$sock'
unix_socket_permissions = 0700
password_encryption = 'scram-sha-256'
max_connections = 200
# throwaway dev/test data: trade durability for speed
fsync = off
synchronous_commit = off
full_page_writes = off
EOF

  if pg_running; then
    log "Postgres already running (pid $(head -n 1 "$data/postmaster.pid")) on 127.0.0.1:$PG_PORT"
  else
    log "starting Postgres on 127.0.0.1:$PG_PORT"
    if ! as_pg "$bin/pg_ctl" -D "$data" -l "$logf" -w -t "$TIMEOUT" start >/dev/null 2>&1; then
      log "Postgres failed to start; tail of $logf:"
      tail -n 30 "$logf" >&2 || true
      die "Postgres did not start"
    fi
  fi
  head -n 1 "$data/postmaster.pid" >"$PG_PID"

  # roles + database (idempotent), via the private unix socket as the cluster superuser. The key store's role may
  # create its schema; the services' roles own nothing and get only what their migrations grant.
  local service_roles="" name
  for name in "${KAFKA_SERVICES[@]}"; do service_roles+="'$(pg_service_role "$name")',"; done
  service_roles="${service_roles%,}"
  as_pg "$bin/psql" -h "$sock" -p "$PG_PORT" -d postgres -X -q -v ON_ERROR_STOP=1 >/dev/null <<EOF
DO \$\$
DECLARE r text;
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_USER') THEN
    CREATE ROLE $PG_USER LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
  END IF;
  FOREACH r IN ARRAY ARRAY['$PG_KEYSTORE_USER', $service_roles] LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
      EXECUTE format('CREATE ROLE %I LOGIN NOCREATEDB NOCREATEROLE PASSWORD %L', r, r);
    END IF;
    IF NOT pg_has_role('$PG_USER', r, 'MEMBER') THEN
      EXECUTE format('GRANT %I TO $PG_USER', r);
    END IF;
  END LOOP;
END
\$\$;
SELECT 'CREATE DATABASE $PG_DB OWNER $PG_USER' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$PG_DB')
\gexec
GRANT CREATE ON DATABASE $PG_DB TO $PG_KEYSTORE_USER;
\c $PG_DB
-- A local key store made by an earlier role (the owner's, or the one all services shared) becomes the key store's.
-- That shared role keeps nothing of the services' schemas: each service now reads only its own.
DO \$\$
DECLARE t record; s text;
BEGIN
  IF EXISTS (SELECT FROM pg_namespace WHERE nspname = 'keystore' AND nspowner <> '$PG_KEYSTORE_USER'::regrole) THEN
    ALTER SCHEMA keystore OWNER TO $PG_KEYSTORE_USER;
    FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'keystore' LOOP
      EXECUTE format('ALTER TABLE keystore.%I OWNER TO $PG_KEYSTORE_USER', t.tablename);
    END LOOP;
  END IF;
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_LEGACY_APP_USER') THEN
    FOR s IN SELECT nspname FROM pg_namespace
             WHERE nspname IN ('conversation', 'bot_engine', 'handoff', 'consent_ledger', 'dsr') LOOP
      EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM $PG_LEGACY_APP_USER', s);
      EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM $PG_LEGACY_APP_USER', s);
      EXECUTE format('REVOKE ALL ON SCHEMA %I FROM $PG_LEGACY_APP_USER', s);
    END LOOP;
  END IF;
END
\$\$;
EOF

  # ready = the owner and a service's role can log in over TCP and run a query
  local deadline=$((SECONDS + TIMEOUT))
  until "$bin/psql" "$(pg_url)" -X -q -t -c 'select 1' >/dev/null 2>&1 &&
    "$bin/psql" "$(pg_service_url conversation)" -X -q -t -c 'select 1' >/dev/null 2>&1; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      log "tail of $logf:"; tail -n 30 "$logf" >&2 || true
      die "Postgres not ready after ${TIMEOUT}s"
    fi
    sleep 0.5
  done
  log "Postgres ready: a role per service ($(pg_service_url conversation), …), $(pg_url) (owner, migrations)"
}

pg_down() {
  local bin data
  bin="$(pg_bindir)"
  data="$(pg_data)"
  if [ -n "$bin" ] && pg_running; then
    log "stopping Postgres"
    as_pg "$bin/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null 2>&1 || {
      log "pg_ctl stop failed; sending SIGQUIT"
      [ -f "$data/postmaster.pid" ] && kill -QUIT "$(head -n 1 "$data/postmaster.pid")" 2>/dev/null || true
    }
  fi
  rm -f "$PG_PID"
}

# ---------------------------------------------------------------------------------------------
# kafka
# ---------------------------------------------------------------------------------------------
kafka_pid() {
  local pid=""
  [ -f "$KAFKA_PID" ] && pid="$(cat "$KAFKA_PID")"
  # guard against pid reuse: must be our broker
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null &&
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "kafka.Kafka $KAFKA_DIR/server.properties"; then
    echo "$pid"
    return 0
  fi
  # setsid may fork (when started as a process-group leader): find our broker by its command line
  pid="$(pgrep -f "kafka.Kafka $KAFKA_DIR/server.properties" | head -n 1 || true)"
  [ -n "$pid" ] || return 1
  echo "$pid" >"$KAFKA_PID"
  echo "$pid"
}

kafka_java() {
  java -Djava.awt.headless=true -Dlog4j2.configurationFile="$KAFKA_LOG4J" \
    -Dkafka.logs.dir="$KAFKA_DATA/logs" -cp "$KAFKA_LIBS/*" "$@"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Upper-case variable suffix of a service name: bot-engine -> BOT_ENGINE.
service_var() { printf '%s' "$1" | tr 'a-z-' 'A-Z_'; }

# A value of .candor/kafka/credentials.env.
kafka_credential() { sed -n "s/^$1=//p" "$KAFKA_CREDENTIALS" | tail -n 1; }

# Random passwords, generated once (hex: nothing to quote in JAAS or SCRAM arguments). A name missing from an
# older file (a new service, say) is added; the changed file then re-creates the broker's data (see kafka_up).
ensure_kafka_credentials() {
  mkdir -p "$KAFKA_DIR"
  local names=(KAFKA_KEYSTORE_PASSWORD KAFKA_ADMIN_PASSWORD KAFKA_BROKER_PASSWORD) name
  for name in "${KAFKA_SERVICES[@]}"; do names+=("KAFKA_PASSWORD_$(service_var "$name")"); done
  (
    umask 077
    if [ ! -f "$KAFKA_CREDENTIALS" ]; then
      log "generating local Kafka passwords into ${KAFKA_CREDENTIALS#"$ROOT"/}"
      printf '# written by scripts/infra.sh: passwords of the local Kafka broker (this machine only)\n' >"$KAFKA_CREDENTIALS"
    fi
    for name in "${names[@]}"; do
      grep -q "^$name=" "$KAFKA_CREDENTIALS" || printf '%s=%s\n' "$name" "$(openssl rand -hex 24)" >>"$KAFKA_CREDENTIALS"
    done
  )
  chmod 600 "$KAFKA_CREDENTIALS"
}

# A local CA and the broker's certificate (127.0.0.1 and localhost), made once with openssl; the broker reads a
# PKCS12 keystore, clients trust ca.pem. The broker's certificate is renewed when it expires within a day, the
# keystore re-made when its password no longer opens it.
ensure_kafka_tls() {
  command -v openssl >/dev/null 2>&1 || apt_install openssl
  local dir="$KAFKA_TLS_DIR" keystore_password
  keystore_password="$(kafka_credential KAFKA_KEYSTORE_PASSWORD)"
  mkdir -p "$dir"
  chmod 700 "$dir"
  if [ ! -f "$dir/ca.pem" ] || [ ! -f "$dir/ca.key" ] || ! openssl x509 -checkend 86400 -noout -in "$dir/ca.pem" >/dev/null 2>&1; then
    log "creating a local certificate authority for Kafka in ${dir#"$ROOT"/}"
    rm -f "$dir/broker.pem" "$dir/broker.p12"
    (umask 077 && openssl req -x509 -new -newkey rsa:2048 -nodes -sha256 -days 3650 \
      -keyout "$dir/ca.key" -out "$dir/ca.pem" -subj "/CN=Candor local Kafka CA" \
      -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
      >"$dir/openssl.log" 2>&1) || { cat "$dir/openssl.log" >&2; die "could not create the Kafka CA"; }
  fi
  if [ ! -f "$dir/broker.pem" ] || ! openssl x509 -checkend 86400 -noout -in "$dir/broker.pem" >/dev/null 2>&1; then
    log "issuing the Kafka broker's certificate (127.0.0.1, localhost)"
    rm -f "$dir/broker.p12"
    (
      umask 077
      openssl req -new -newkey rsa:2048 -nodes -sha256 -keyout "$dir/broker.key" -out "$dir/broker.csr" \
        -subj "/CN=localhost" &&
        printf '%s\n' 'basicConstraints=CA:FALSE' 'keyUsage=critical,digitalSignature,keyEncipherment' \
          'extendedKeyUsage=serverAuth,clientAuth' 'subjectAltName=IP:127.0.0.1,DNS:localhost' >"$dir/broker.ext" &&
        openssl x509 -req -sha256 -days 825 -in "$dir/broker.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" \
          -set_serial "0x$(openssl rand -hex 16)" -extfile "$dir/broker.ext" -out "$dir/broker.pem"
    ) >"$dir/openssl.log" 2>&1 || { cat "$dir/openssl.log" >&2; die "could not issue the Kafka broker's certificate"; }
    rm -f "$dir/broker.csr" "$dir/broker.ext"
  fi
  if [ ! -f "$dir/broker.p12" ] ||
    ! openssl pkcs12 -in "$dir/broker.p12" -passin "pass:$keystore_password" -noout >/dev/null 2>&1; then
    (umask 077 && openssl pkcs12 -export -name broker -in "$dir/broker.pem" -inkey "$dir/broker.key" \
      -certfile "$dir/ca.pem" -out "$dir/broker.p12" -passout "pass:$keystore_password" >"$dir/openssl.log" 2>&1) ||
      { cat "$dir/openssl.log" >&2; die "could not write the Kafka keystore"; }
  fi
  chmod 600 "$dir"/*.key "$dir/broker.p12"
  chmod 644 "$dir/ca.pem" "$dir/broker.pem"
}

# Identifies the SCRAM users a data dir was formatted with (changes when credentials.env does).
kafka_security_stamp() { printf 'sasl-scram-sha-512 %s\n' "$(cksum <"$KAFKA_CREDENTIALS" | cut -d' ' -f1)"; }

# Writes server.properties and probe.properties (both mode 600: they hold passwords); returns 1 when
# server.properties changed, so a running broker is restarted with it.
write_kafka_config() {
  mkdir -p "$KAFKA_DATA/kraft" "$KAFKA_DATA/logs"
  local broker_password admin_password keystore_password changed=0
  broker_password="$(kafka_credential KAFKA_BROKER_PASSWORD)"
  admin_password="$(kafka_credential KAFKA_ADMIN_PASSWORD)"
  keystore_password="$(kafka_credential KAFKA_KEYSTORE_PASSWORD)"
  (
    umask 077
    cat >"$KAFKA_DIR/server.properties.new" <<EOF
# written by scripts/infra.sh -- single-node KRaft broker for local development/tests
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
# clients (and the broker itself): TLS + SASL/SCRAM-SHA-512; the controller: SASL/PLAIN, the broker's own login
listeners=CLIENT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=CLIENT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=CLIENT
listener.security.protocol.map=CLIENT:SASL_SSL,CONTROLLER:SASL_PLAINTEXT
listener.name.client.sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.client.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="broker" password="$broker_password";
listener.name.controller.sasl.enabled.mechanisms=PLAIN
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="broker" password="$broker_password" user_broker="$broker_password";
ssl.keystore.type=PKCS12
ssl.keystore.location=$KAFKA_TLS_DIR/broker.p12
ssl.keystore.password=$keystore_password
ssl.truststore.type=PEM
ssl.truststore.location=$KAFKA_TLS_DIR/ca.pem
ssl.client.auth=none
# nothing without an ACL; admin (operators, tests) and broker (itself) bypass ACLs
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:admin;User:broker
log.dirs=$KAFKA_DATA/kraft
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
# services create their own topics
auto.create.topics.enable=false
EOF
    # client settings for the readiness probe (as the admin): fail fast instead of retrying for a minute
    cat >"$KAFKA_DIR/probe.properties" <<EOF
request.timeout.ms=5000
default.api.timeout.ms=10000
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$admin_password";
ssl.truststore.type=PEM
ssl.truststore.location=$KAFKA_TLS_DIR/ca.pem
EOF
  )
  if ! cmp -s "$KAFKA_DIR/server.properties.new" "$KAFKA_DIR/server.properties"; then changed=1; fi
  mv "$KAFKA_DIR/server.properties.new" "$KAFKA_DIR/server.properties"
  chmod 600 "$KAFKA_DIR/server.properties" "$KAFKA_DIR/probe.properties"
  return "$changed"
}

# Formats the broker's storage with the SCRAM users (admin, broker, one per service).
format_kafka_storage() {
  local cid name scram=()
  cid="$(kafka_java kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)"
  [ -n "$cid" ] || die "could not generate a Kafka cluster id"
  scram+=(--add-scram "SCRAM-SHA-512=[name=admin,password=$(kafka_credential KAFKA_ADMIN_PASSWORD)]")
  scram+=(--add-scram "SCRAM-SHA-512=[name=broker,password=$(kafka_credential KAFKA_BROKER_PASSWORD)]")
  for name in "${KAFKA_SERVICES[@]}"; do
    scram+=(--add-scram "SCRAM-SHA-512=[name=$name,password=$(kafka_credential "KAFKA_PASSWORD_$(service_var "$name")")]")
  done
  log "formatting Kafka storage (cluster id $cid) with SCRAM users admin, broker and ${KAFKA_SERVICES[*]}"
  if ! kafka_java kafka.tools.StorageTool format -t "$cid" -c "$KAFKA_DIR/server.properties" "${scram[@]}" \
      >"$KAFKA_DATA/logs/format.log" 2>&1; then
    cat "$KAFKA_DATA/logs/format.log" >&2 || true
    die "Kafka storage format failed"
  fi
  kafka_security_stamp >"$KAFKA_SECURITY_STAMP"
}

# Grants every service its topics and consumer group (scripts/kafka-acls.ts, as the admin); idempotent.
apply_kafka_acls() {
  if [ ! -x "$ROOT/node_modules/.bin/ts-node-transpile-only" ]; then
    log "npm packages are not installed, so the services' Kafka ACLs are not applied yet: run npm ci, then this again"
    return 0
  fi
  log "applying the services' Kafka ACLs (scripts/kafka-acls.ts)"
  if ! (
    eval "$(cmd_env)"
    cd "$ROOT" && node_modules/.bin/ts-node-transpile-only -r tsconfig-paths/register scripts/kafka-acls.ts apply
  ) >"$KAFKA_DATA/logs/acls.log" 2>&1; then
    tail -n 30 "$KAFKA_DATA/logs/acls.log" >&2 || true
    die "could not apply the Kafka ACLs (log: $KAFKA_DATA/logs/acls.log)"
  fi
}

kafka_up() {
  if [ -n "${KAFKA_BROKERS:-}" ]; then log "KAFKA_BROKERS is set: using external Kafka, not starting one"; return 0; fi
  ensure_kafka_libs
  ensure_kafka_credentials
  ensure_kafka_tls
  local logf="$KAFKA_DATA/logs/server.log" out="$KAFKA_DATA/logs/kafka.out" pid config_changed=0 secured=0
  write_kafka_config || config_changed=1
  if [ -f "$KAFKA_SECURITY_STAMP" ] && [ "$(cat "$KAFKA_SECURITY_STAMP")" = "$(kafka_security_stamp)" ]; then secured=1; fi

  if pid="$(kafka_pid)"; then
    if [ "$secured" = 0 ] || [ "$config_changed" = 1 ]; then
      log "Kafka (pid $pid) runs with an older configuration (before SASL/TLS, or changed settings): restarting it"
      kafka_down
    else
      log "Kafka already running (pid $pid) on 127.0.0.1:$KAFKA_PORT"
    fi
  fi

  if ! pid="$(kafka_pid)"; then
    rm -f "$KAFKA_PID"
    if [ -f "$KAFKA_DATA/kraft/meta.properties" ] && [ "$secured" = 0 ]; then
      log "Kafka data in ${KAFKA_DATA#"$ROOT"/} predates SASL/TLS (no SCRAM users, or other passwords):" \
        "re-creating it (it holds only local development and test data)"
      rm -rf "$KAFKA_DATA/kraft"
      mkdir -p "$KAFKA_DATA/kraft"
    fi
    if [ ! -f "$KAFKA_DATA/kraft/meta.properties" ]; then
      format_kafka_storage
    fi
    for p in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
      port_open "$p" && die "port $p on 127.0.0.1 is already in use by another process (set CANDOR_KAFKA_PORT)"
    done
    log "starting Kafka on 127.0.0.1:$KAFKA_PORT (SASL_SSL; controller :$KAFKA_CONTROLLER_PORT)"
    : >"$out"
    # setsid: own session, so it survives this shell and is not hit by the caller's Ctrl-C
    setsid nohup java -Xms256m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true \
      -Dlog4j2.configurationFile="$KAFKA_LOG4J" -Dkafka.logs.dir="$KAFKA_DATA/logs" \
      -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_DIR/server.properties" \
      >>"$out" 2>&1 </dev/null &
    echo $! >"$KAFKA_PID"
  fi

  # ready = port accepts and a metadata request (list topics) as the admin succeeds
  local deadline=$((SECONDS + TIMEOUT))
  while :; do
    if ! kafka_pid >/dev/null; then
      log "Kafka process exited; tail of logs:"
      tail -n 40 "$logf" >&2 2>/dev/null || true
      tail -n 20 "$out" >&2 2>/dev/null || true
      rm -f "$KAFKA_PID"
      die "Kafka did not start"
    fi
    if port_open "$KAFKA_PORT" && timeout 30 java -cp "$KAFKA_LIBS/*" \
        -Dlog4j2.configurationFile="$KAFKA_LOG4J" -Dkafka.logs.dir="$KAFKA_DATA/logs/probe" \
        org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" \
        --command-config "$KAFKA_DIR/probe.properties" --list >/dev/null 2>&1; then
      break
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      log "Kafka not ready after ${TIMEOUT}s; tail of $logf:"
      tail -n 40 "$logf" >&2 2>/dev/null || true
      tail -n 20 "$out" >&2 2>/dev/null || true
      die "Kafka not ready (still running as pid $(cat "$KAFKA_PID"); stop it with: bash scripts/infra.sh down)"
    fi
    sleep 1
  done
  apply_kafka_acls
  log "Kafka ready: 127.0.0.1:$KAFKA_PORT (SASL_SSL, SCRAM-SHA-512; CA ${KAFKA_TLS_DIR#"$ROOT"/}/ca.pem)"
}

kafka_down() {
  local pid
  if pid="$(kafka_pid)"; then
    log "stopping Kafka (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    local i=0
    while kill -0 "$pid" 2>/dev/null; do
      if [ "$i" -ge 300 ]; then
        log "Kafka still running after 30s; SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
        sleep 0.5
        break
      fi
      sleep 0.1
      i=$((i + 1))
    done
  fi
  rm -f "$KAFKA_PID"
}

# ---------------------------------------------------------------------------------------------
# commands
# ---------------------------------------------------------------------------------------------
cmd_env() {
  if [ -n "${DATABASE_URL:-}" ]; then
    printf 'export DATABASE_URL=%q\n' "$DATABASE_URL"
    if [ -n "${MIGRATIONS_DATABASE_URL:-}" ]; then
      printf 'export MIGRATIONS_DATABASE_URL=%q\n' "$MIGRATIONS_DATABASE_URL"
    fi
  else
    # Each service runs as its own role; DATABASE_URL (the key store's) serves tools that need no service's data.
    printf 'export DATABASE_URL=%s\n' "$(pg_keystore_url)"
    printf 'export LOCAL_KEYSTORE_DATABASE_URL=%s\n' "$(pg_keystore_url)"
    printf 'export MIGRATIONS_DATABASE_URL=%s\n' "$(pg_url)"
    local service
    for service in "${KAFKA_SERVICES[@]}"; do
      printf 'export DATABASE_URL_%s=%s\n' "$(service_var "$service")" "$(pg_service_url "$service")"
    done
  fi
  if [ -n "${KAFKA_BROKERS:-}" ]; then
    # External Kafka: its TLS/SASL settings and credentials (KAFKA_TLS…, CANDOR_KAFKA_…) are the operator's.
    printf 'export KAFKA_BROKERS=%q\n' "$KAFKA_BROKERS"
    return 0
  fi
  printf 'export KAFKA_BROKERS=127.0.0.1:%s\n' "$KAFKA_PORT"
  if [ -f "$KAFKA_CREDENTIALS" ] && [ -f "$KAFKA_TLS_DIR/ca.pem" ]; then
    # Each service logs in as itself: start.sh and the tests hand it KAFKA_SASL_USERNAME=<service> and
    # KAFKA_SASL_PASSWORD=$CANDOR_KAFKA_PASSWORD_<SERVICE>; the admin is for the tests' raw client and ACLs.
    printf 'export KAFKA_TLS=true\n'
    printf 'export KAFKA_TLS_CA_FILE=%q\n' "$KAFKA_TLS_DIR/ca.pem"
    printf 'export KAFKA_SASL_MECHANISM=scram-sha-512\n'
    printf 'export CANDOR_KAFKA_ADMIN_USERNAME=admin\n'
    printf 'export CANDOR_KAFKA_ADMIN_PASSWORD=%s\n' "$(kafka_credential KAFKA_ADMIN_PASSWORD)"
    local name var
    for name in "${KAFKA_SERVICES[@]}"; do
      var="$(service_var "$name")"
      printf 'export CANDOR_KAFKA_PASSWORD_%s=%s\n' "$var" "$(kafka_credential "KAFKA_PASSWORD_$var")"
    done
  fi
}

cmd_status() {
  local rc=0 pid
  if [ -n "${DATABASE_URL:-}" ]; then
    echo "postgres: external (DATABASE_URL is set)"
  elif pg_running; then
    echo "postgres: running (pid $(head -n 1 "$(pg_data)/postmaster.pid")) owner $(pg_url), a role per service, data=$(pg_data)"
  else
    echo "postgres: stopped"; rc=1
  fi
  if [ -n "${KAFKA_BROKERS:-}" ]; then
    echo "kafka: external (KAFKA_BROKERS=$KAFKA_BROKERS)"
  elif pid="$(kafka_pid)"; then
    if [ -f "$KAFKA_CREDENTIALS" ] && [ -f "$KAFKA_SECURITY_STAMP" ] &&
      [ "$(cat "$KAFKA_SECURITY_STAMP")" = "$(kafka_security_stamp)" ] &&
      grep -q '^listener.security.protocol.map=CLIENT:SASL_SSL' "$KAFKA_DIR/server.properties" 2>/dev/null; then
      echo "kafka: running (pid $pid) 127.0.0.1:$KAFKA_PORT (SASL_SSL) data=$KAFKA_DATA"
    else
      echo "kafka: running (pid $pid) with an older configuration (no SASL/TLS): run bash scripts/infra.sh up"; rc=1
    fi
  else
    echo "kafka: stopped"; rc=1
  fi
  return "$rc"
}

cmd_up() {
  local t0=$SECONDS
  mkdir -p "$STATE"
  pg_up
  kafka_up
  log "infrastructure up in $((SECONDS - t0))s"
}

cmd_down() {
  # stop whatever we started, regardless of DATABASE_URL / KAFKA_BROKERS
  kafka_down
  pg_down
  log "infrastructure down"
}

cmd_reset() {
  cmd_down
  local base
  base="$(pg_base)"
  log "deleting local data (Postgres cluster, Kafka data; the Kafka jars, TLS material and passwords are kept)"
  rm -rf "$base" "$KAFKA_DATA" "$PG_LOCATION" "$KAFKA_DIR/server.properties" "$KAFKA_DIR/server.properties.new" \
    "$KAFKA_DIR/probe.properties"
  case "$base" in /var/tmp/candor-*) rmdir "$(dirname "$base")" 2>/dev/null || true ;; esac
}

cmd_deps() {
  mkdir -p "$STATE"
  [ -n "${DATABASE_URL:-}" ] || ensure_postgres_installed
  [ -n "${KAFKA_BROKERS:-}" ] || ensure_kafka_libs
  log "dependencies present"
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  env) cmd_env ;;
  deps) cmd_deps ;;
  reset) cmd_reset ;;
  *) echo "usage: bash scripts/infra.sh up|down|status|env|deps|reset" >&2; exit 2 ;;
esac
