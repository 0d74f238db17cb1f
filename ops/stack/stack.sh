#!/usr/bin/env bash
# The production stack on 127.0.0.1, for the fault and load scripts: `stack.sh start|stop|status`.
#
# Everything it starts is its own, so that stopping it or breaking it on purpose (ops/faults.py) never touches
# the machine's shared servers (PostgreSQL on 5432, Redis on 6379):
#   PostgreSQL   cluster "vcstack" (Debian's pg_createcluster), 127.0.0.1:5433, database villecampagne_stack
#   Redis        127.0.0.1:6380, no persistence (a cache: restarting it empty is what production does too)
#   SMTP sink    127.0.0.1:8025 (aiosmtpd, discards the mails: sending one never fails)
#   gunicorn     two instances of cms.wsgi, 127.0.0.1:8001 and :8002, production settings
#   nginx        127.0.0.1:8080, in front of both (config from ops/stack/nginx.conf.template)
# State (env file, pid files, logs, static, media) lives in var/stack/ (gitignored). Each daemon writes a pid
# file; `stop` signals those pids and the vcstack cluster only. Both commands are idempotent.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STATE="$ROOT/var/stack"
RUN="$STATE/run"
LOG="$STATE/log"
VENV="${VENV:-$ROOT/.venv}"
PY="$VENV/bin/python"

PG_VERSION="${STACK_PG_VERSION:-$(ls /etc/postgresql 2>/dev/null | sort -n | tail -1)}"
PG_CLUSTER=vcstack
PG_PORT=5433
DB_NAME=villecampagne_stack
REDIS_PORT=6380
SMTP_PORT=8025
APP_PORTS=(8001 8002)
HTTP_PORT=8080
# Two cores: two instances × 2 worker processes = 4 processes, about two per core, so one can run Python while
# the other waits on PostgreSQL or Redis; 4 threads each cover those waits without much GIL contention
# (16 requests in progress at most; nginx queues the rest). See docs/deploy.md.
GUNICORN_WORKERS="${GUNICORN_WORKERS:-2}"
GUNICORN_THREADS="${GUNICORN_THREADS:-4}"
GUNICORN_WORKER_CLASS="${GUNICORN_WORKER_CLASS:-gthread}"
# nginx's micro-cache of anonymous pages, in seconds (docs/deploy.md, "Cache"); 0 turns it off.
PROXY_CACHE_SECONDS="${PROXY_CACHE_SECONDS:-1}"

say() { echo "== stack: $*"; }

# A pid file's process is alive and is still ours: its command line names what the file is for (a pid reused
# by another program after a crash is never signalled).
pid_alive() {
    local file="$1" pid what
    [ -f "$file" ] || return 1
    pid="$(cat "$file")"
    kill -0 "$pid" 2>/dev/null || return 1
    what="$(basename "$file" .pid)"
    what="${what%%-*}"
    [ "$what" = redis ] && what=redis-server
    [ "$what" = smtp ] && what=aiosmtpd
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "$what"
}

# The environment file, written once (its SECRET_KEY must survive restarts: sessions and signed links).
write_env() {
    [ -f "$STATE/env" ] && return 0
    local secret
    secret="$("$PY" -c 'import secrets; print(secrets.token_urlsafe(50))')"
    umask 077
    cat >"$STATE/env" <<EOF
DJANGO_SETTINGS_MODULE=cms.settings.production
SECRET_KEY=$secret
ALLOWED_HOSTS=127.0.0.1,localhost
DATABASE_URL=postgresql://postgres@127.0.0.1:$PG_PORT/$DB_NAME
CACHE_URL=redis://127.0.0.1:$REDIS_PORT/0
EMAIL_HOST=127.0.0.1
EMAIL_PORT=$SMTP_PORT
EMAIL_USE_TLS=0
WAGTAILADMIN_BASE_URL=http://127.0.0.1:$HTTP_PORT
STATIC_ROOT=$STATE/static
MEDIA_ROOT=$STATE/media
# No TLS on the local stack: no redirect to https, no HSTS.
SECURE_SSL_REDIRECT=0
SECURE_HSTS_SECONDS=0
# The full-page cache for anonymous visitors (cms/page_cache.py), in seconds; 0 disables it.
PAGE_CACHE_SECONDS=300
# Every client of the local stack is 127.0.0.1 (the fault script registers several people a second from it):
# the per-address limit is raised here only; the per-email limit stays.
AGENDA_REGISTRATION_RATE_PER_IP=100000/h
EOF
    umask 022
    say "wrote $STATE/env"
}

load_env() {
    set -a
    # shellcheck disable=SC1091
    . "$STATE/env"
    set +a
}

install_packages() {
    local missing=()
    command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
    command -v wrk >/dev/null || missing+=(wrk)
    command -v redis-server >/dev/null || missing+=(redis-server)
    command -v pg_createcluster >/dev/null || missing+=(postgresql)
    [ ${#missing[@]} -eq 0 ] && return 0
    if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
        say "installing ${missing[*]}"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
        echo "!! missing ${missing[*]} and not root with apt: install them" >&2
        exit 1
    fi
}

start_postgres() {
    [ -n "$PG_VERSION" ] || PG_VERSION="$(ls /etc/postgresql | sort -n | tail -1)"
    if [ ! -d "/etc/postgresql/$PG_VERSION/$PG_CLUSTER" ]; then
        say "creating PostgreSQL $PG_VERSION cluster $PG_CLUSTER on port $PG_PORT"
        pg_createcluster "$PG_VERSION" "$PG_CLUSTER" -p "$PG_PORT" -- --auth=trust >/dev/null
    fi
    if ! pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" status >/dev/null 2>&1; then
        pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" "$PG_CLUSTER" start
    fi
    for _ in $(seq 50); do
        pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && break
        sleep 0.2
    done
    if ! psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "select 1 from pg_database where datname='$DB_NAME'" |
        grep -q 1; then
        psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "create database $DB_NAME"
    fi
}

start_redis() {
    pid_alive "$RUN/redis.pid" && return 0
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --daemonize yes \
        --pidfile "$RUN/redis.pid" --logfile "$LOG/redis.log" --dir "$STATE"
    for _ in $(seq 50); do
        redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && return 0
        sleep 0.1
    done
}

start_smtp() {
    pid_alive "$RUN/smtp.pid" && return 0
    nohup "$PY" -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" -c aiosmtpd.handlers.Sink \
        >>"$LOG/smtp.log" 2>&1 </dev/null &
    echo $! >"$RUN/smtp.pid"
}

prepare_site() {
    (
        cd "$ROOT"
        load_env
        "$PY" manage.py migrate --noinput --verbosity 0
        "$PY" manage.py load_demo --if-empty
        "$PY" manage.py collectstatic --noinput --verbosity 0
    )
}

# One gunicorn instance; `stack.sh app 8001` restarts a killed one (ops/faults.py does).
start_app() {
    local port="$1"
    pid_alive "$RUN/gunicorn-$port.pid" && return 0
    (
        cd "$ROOT"
        load_env
        "$VENV/bin/gunicorn" cms.wsgi:application --bind "127.0.0.1:$port" \
            --worker-class "$GUNICORN_WORKER_CLASS" --workers "$GUNICORN_WORKERS" --threads "$GUNICORN_THREADS" \
            --timeout 30 --graceful-timeout 10 --keep-alive 5 \
            --daemon --pid "$RUN/gunicorn-$port.pid" --error-logfile "$LOG/gunicorn-$port.log" \
            --capture-output --no-control-socket
    )
    for _ in $(seq 100); do
        pid_alive "$RUN/gunicorn-$port.pid" && return 0
        sleep 0.1
    done
    echo "!! gunicorn on $port did not start: see $LOG/gunicorn-$port.log" >&2
    return 1
}

start_nginx() {
    local proxy_cache=pages
    [ "$PROXY_CACHE_SECONDS" = 0 ] && proxy_cache=off
    mkdir -p "$STATE/cache"
    sed -e "s|@PROXY_CACHE@|$proxy_cache|" -e "s|@PROXY_CACHE_SECONDS@|$PROXY_CACHE_SECONDS|g" \
        -e "s|@APP_PORT_1@|${APP_PORTS[0]}|" -e "s|@APP_PORT_2@|${APP_PORTS[1]}|" \
        -e "s|@HTTP_PORT@|$HTTP_PORT|" -e "s|@STATIC_ROOT@|$STATE/static|" -e "s|@MEDIA_ROOT@|$STATE/media|" \
        "$ROOT/ops/stack/nginx.conf.template" >"$STATE/nginx.conf"
    if pid_alive "$RUN/nginx.pid"; then
        nginx -p "$STATE/" -c nginx.conf -e log/nginx-error.log -s reload
    else
        nginx -p "$STATE/" -c nginx.conf -e log/nginx-error.log
    fi
}

# Ready when /healthz answers 200 (or, before it exists, /robots.txt does) through nginx.
wait_ready() {
    local base="http://127.0.0.1:$HTTP_PORT"
    for _ in $(seq 120); do
        local code
        code="$(curl -s -o /dev/null -w '%{http_code}' "$base/healthz" || true)"
        [ "$code" = 200 ] && return 0
        # No /healthz yet (404, or the language redirect): any answer from the app will do.
        if [ "$code" != 503 ] && [ "$code" != 502 ] && [ "$code" != 000 ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/robots.txt")" = 200 ]; then
            return 0
        fi
        sleep 0.5
    done
    echo "!! the site does not answer on $base" >&2
    return 1
}

all_running() {
    for name in nginx redis smtp "${APP_PORTS[@]/#/gunicorn-}"; do pid_alive "$RUN/$name.pid" || return 1; done
    pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" status >/dev/null 2>&1
}

start() {
    if all_running; then
        say "already running (make stack-stop first to restart it with new code); nginx config reloaded"
        start_nginx
        wait_ready
        return 0
    fi
    install_packages
    mkdir -p "$RUN" "$LOG" "$STATE/static" "$STATE/media" "$STATE/tmp"
    write_env
    start_postgres
    start_redis
    start_smtp
    prepare_site
    for port in "${APP_PORTS[@]}"; do start_app "$port"; done
    start_nginx
    wait_ready
    say "up: http://127.0.0.1:$HTTP_PORT/ (logs in $LOG)"
}

stop_pidfile() {
    local file="$1" name="$2"
    if pid_alive "$file"; then
        local pid
        pid="$(cat "$file")"
        kill -TERM "$pid"
        for _ in $(seq 100); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
        say "stopped $name ($pid)"
    fi
    rm -f "$file"
}

stop() {
    stop_pidfile "$RUN/nginx.pid" nginx
    for port in "${APP_PORTS[@]}"; do stop_pidfile "$RUN/gunicorn-$port.pid" "gunicorn :$port"; done
    stop_pidfile "$RUN/smtp.pid" "SMTP sink"
    stop_pidfile "$RUN/redis.pid" redis
    if [ -n "$PG_VERSION" ] && pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" status >/dev/null 2>&1; then
        pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" "$PG_CLUSTER" stop
        say "stopped PostgreSQL cluster $PG_CLUSTER"
    fi
}

status() {
    local line
    for name in nginx gunicorn-8001 gunicorn-8002 redis smtp; do
        if pid_alive "$RUN/$name.pid"; then line="up (pid $(cat "$RUN/$name.pid"))"; else line=down; fi
        printf '  %-14s %s\n' "$name" "$line"
    done
    if [ -n "$PG_VERSION" ] && pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" status >/dev/null 2>&1; then
        line="up (port $PG_PORT)"
    else line=down; fi
    printf '  %-14s %s\n' "postgresql" "$line"
    printf '  %-14s %s\n' "site" "$(curl -s -o /dev/null -w 'HTTP %{http_code} in %{time_total}s' \
        "http://127.0.0.1:$HTTP_PORT/robots.txt" || true)"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    # Used by ops/faults.py to bring back what it broke.
    app) mkdir -p "$RUN" "$LOG" && start_app "${2:?port}" ;;
    redis) mkdir -p "$RUN" "$LOG" && start_redis ;;
    *) echo "usage: $0 start|stop|status|app PORT|redis" >&2; exit 2 ;;
esac
