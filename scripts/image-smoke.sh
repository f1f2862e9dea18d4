#!/usr/bin/env bash
# Issue 24: the project's image, built and started. Builds the Dockerfile as `docker build` would
# (through the Docker API: podman's on machines without Docker, scripts/container-engine.sh, with
# the stand-in base images of scripts/container-images.sh), starts it on the host's network
# against a fresh database and an outbox stream of its own, and checks what a deployment relies
# on: readiness answers, the image's own health check script (liveness) exits 0 inside the
# container, and an order placed through the API is accepted. The container is removed at the end
# whatever happens; the image stays (the next build reuses its layers).
# Needs: a Docker API (DOCKER_HOST or the default socket), PostgreSQL and Redis on 127.0.0.1, curl.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/drill-lib.sh
. scripts/drill-lib.sh

image="field-guide/orders-service:0.1.0-SNAPSHOT"
name="fieldguide-image-smoke-$$"
port="${IMAGE_SMOKE_PORT:-18700}"
db="fieldguide_image_$$"
stream="orders.events.image-$$"
url="http://127.0.0.1:$port"
body="$(mktemp)"

cleanup() {
  docker rm -f "$name" >/dev/null 2>&1 || true
  rm -f "$body"
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  redis-cli del "$stream" >/dev/null 2>&1 || true
}
trap cleanup EXIT

build_image "$image"

psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db"
docker run -d --name "$name" --network=host \
  -e SERVER_PORT="$port" -e FIELDGUIDE_GRPC_PORT=0 \
  -e SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$db" \
  -e SPRING_DATASOURCE_USERNAME=postgres -e FIELDGUIDE_OUTBOX_STREAM="$stream" \
  -e OTEL_TRACES_EXPORTER=none "$image" >/dev/null
started=$(date +%s)
if ! await_ready "$port"; then
  docker logs "$name" 2>&1 | tail -n 60
  exit 1
fi
echo "== ready in $(( $(date +%s) - started )) s (one process, both roles, as the image's default)"

docker exec "$name" liveness || { echo "image smoke: the image's liveness script failed" >&2; exit 1; }
echo "== the image's health check script (liveness) exits 0 inside the container"

ids="$(seed_order_inputs -h 127.0.0.1 -U postgres -d "$db")"
read -r customer product <<<"$ids"
token="$(FIELDGUIDE_URL="$url" ./token customer "$customer")"
status="$(place_order "$url" "$token" "$customer" "$product" "$body")"
echo "== POST /api/v1/orders as customer $customer -> $status"
[ "$status" = 201 ] || { docker logs "$name" 2>&1 | tail -n 40; echo "image smoke: expected 201: $(cat "$body")" >&2; exit 1; }
echo "image smoke: PASS"
