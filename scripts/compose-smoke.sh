#!/usr/bin/env bash
# Issue 24: `docker compose up` of the light profile (postgres, redis, api, worker), end to end.
# Builds the application image from the Dockerfile, starts docker-compose.yml under a project name
# of its own, on host ports that stay clear of the machine's own servers, and checks what a user of
# the stack relies on: the api answers readiness; an order placed through the api is consumed by
# the worker, its notification visible through the api; the worker's metrics count the event
# applied; `down -v` leaves no container, volume or network of the project behind.
# Needs: a Docker API (DOCKER_HOST or the default socket) and Compose (`docker compose`, or the
# `docker-compose` of scripts/container-engine.sh), psql, curl, jq.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/drill-lib.sh
. scripts/drill-lib.sh

image="field-guide/orders-service:0.1.0-SNAPSHOT"
project="fieldguide-smoke-$$"
export FIELDGUIDE_POSTGRES_PORT="${COMPOSE_SMOKE_POSTGRES_PORT:-15432}"
export FIELDGUIDE_REDIS_PORT="${COMPOSE_SMOKE_REDIS_PORT:-16379}"
export FIELDGUIDE_API_PORT="${COMPOSE_SMOKE_API_PORT:-18780}"
export FIELDGUIDE_WORKER_PORT="${COMPOSE_SMOKE_WORKER_PORT:-18781}"
# The light profile has no collector to send traces to (docker-compose.yml says so).
export OTEL_TRACES_EXPORTER=none
api="http://127.0.0.1:$FIELDGUIDE_API_PORT"
worker="http://127.0.0.1:$FIELDGUIDE_WORKER_PORT"
body="$(mktemp)"
volumes_before="$(mktemp)"

if docker compose version >/dev/null 2>&1; then
  compose=(docker compose -p "$project" -f docker-compose.yml)
else
  compose=(docker-compose -p "$project" -f docker-compose.yml)
fi

# Whatever the project still owns, one line per container, volume and network; volumes also by
# difference with the list taken before `up`, since an image's anonymous volume (redis's /data)
# carries no project label.
leftovers() {
  local label="label=com.docker.compose.project=$project"
  docker ps -a --filter "$label" --format 'container {{.Names}}'
  docker network ls --filter "$label" --format 'network {{.Name}}'
  docker volume ls -q | sort | comm -13 "$volumes_before" - | sed 's/^/volume /'
}

cleanup() {
  "${compose[@]}" down -v --remove-orphans >/dev/null 2>&1 || true
  rm -f "$body" "$volumes_before"
}
trap cleanup EXIT

fail() {
  echo "compose smoke: $1" >&2
  "${compose[@]}" ps >&2 || true
  "${compose[@]}" logs --no-color --tail=60 api worker >&2 || true
  exit 1
}

# The image first, on the host network (build_image); `up --no-build` then starts the image just
# built, where Compose's own build would run on the bridge network, which has no way out here.
build_image "$image"

docker volume ls -q | sort >"$volumes_before"
started=$(date +%s)
"${compose[@]}" up -d --no-build || fail "up failed"
READY_SECONDS="${READY_SECONDS:-240}" await_ready "$FIELDGUIDE_API_PORT" || fail "the api is not ready"
READY_SECONDS="${READY_SECONDS:-240}" await_ready "$FIELDGUIDE_WORKER_PORT" \
  || fail "the worker is not ready"
echo "== $project up, api and worker ready in $(( $(date +%s) - started )) s"

# The customer and product go in through the published PostgreSQL port, once the api's Flyway
# has made the tables.
ids="$(seed_order_inputs -h 127.0.0.1 -p "$FIELDGUIDE_POSTGRES_PORT" -U postgres -d fieldguide)" \
  || fail "no customer and product inserted"
read -r customer product <<<"$ids"
token="$(FIELDGUIDE_URL="$api" ./token customer "$customer")"
status="$(place_order "$api" "$token" "$customer" "$product" "$body")"
[ "$status" = 201 ] || fail "POST /api/v1/orders answered $status, not 201: $(cat "$body")"
order="$(jq -r .id "$body")"
echo "== order $order placed through the api (201)"

# The worker relays the order's event to the stream and its notifications consumer applies it.
started=$(date +%s)
sent=""
for _ in $(seq 1 60); do
  sent="$(curl -sf -H "Authorization: Bearer $token" \
    "$api/api/v2/orders/$order/notifications" | jq -r '.notifications[0].message // empty')" \
    || true
  [ -n "$sent" ] && break
  sleep 1
done
[ -n "$sent" ] || fail "no notification for order $order within 60 s"
echo "== GET /api/v2/orders/$order/notifications: \"$sent\" after $(( $(date +%s) - started )) s"

applied="$(curl -sf "$worker/actuator/prometheus" \
  | sed -n 's/^fieldguide_inbox_applied_total{.*consumer="notifications".*} //p')" || true
[ "${applied%.*}" = 1 ] || fail "the worker's fieldguide_inbox_applied_total{consumer=\"notifications\"} is '${applied}', not 1"
echo "== worker metrics: fieldguide_inbox_applied_total{consumer=\"notifications\"} $applied"

"${compose[@]}" down -v --remove-orphans >/dev/null 2>&1 || fail "down -v failed"
left="$(leftovers)"
[ -z "$left" ] || { echo "$left" >&2; echo "compose smoke: down -v left the above behind" >&2; exit 1; }
echo "== down -v: no container, volume or network of $project left"
echo "compose smoke: PASS"
