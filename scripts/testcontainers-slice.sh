#!/usr/bin/env bash
# Issue 24: the Testcontainers path, run for real. A slice of the integration suite runs with
# FIELDGUIDE_TEST_SERVICES=containers, so ContainerServices starts postgres:17 and redis:7 and
# @ServiceConnection wires them (the datasource, Spring Data Redis and Redisson) instead of the
# local servers. ServiceWiringIntegrationTests proves each client reaches the containers (a client
# left on its defaults would reach this machine's own servers and pass unnoticed); the rest of the
# slice covers each way the service uses them: JPA and plain SQL, Flyway's migrations, the cache
# and its Redisson lock, Redis streams (outbox and inbox), Lua scripts (rate limit, fencing
# tokens), Spring Session, Quartz's JDBC store (jobs), idempotency keys.
#
# With a Docker engine on its default socket (a developer's machine, GitHub's runners) the slice
# uses it and the official images. Without one (these CI machines), it sets up podman with the
# Docker API (scripts/container-engine.sh) and stand-in images built from Debian packages under the
# official names (scripts/container-images.sh; PostgreSQL 15 and Redis 7.0 behind those tags: the
# test log names the real versions). Testcontainers' reaper (Ryuk) is an image of its own that
# cannot be pulled here, so it is off; each container is stopped when its Spring context closes,
# and the script fails if one is left behind.
# Needs: the built modules (./mvnw install or verify), root for the podman set-up.
set -euo pipefail
cd "$(dirname "$0")/.."

slice="ServiceWiringIntegrationTests,PlaceOrderIntegrationTests,OrderApiIntegrationTests"
slice+=",OrderFetchPlansIntegrationTests,OnlineMigrationIntegrationTests,ProductCacheIntegrationTests,OutboxRelayIntegrationTests"
slice+=",InboxConsumerIntegrationTests,DistributedLockIntegrationTests"
slice+=",FencingTokenIntegrationTests,RateLimitIntegrationTests,ShortlistSessionIntegrationTests"
slice+=",IdempotencyKeyIntegrationTests,JobApiIntegrationTests"

podman_socket="unix:///run/podman/podman.sock"
if [ -n "${DOCKER_HOST:-}" ]; then
  echo "== the Docker API at $DOCKER_HOST"
elif docker version >/dev/null 2>&1; then
  echo "== a Docker engine answers on its default socket: the official images"
else
  bash scripts/container-engine.sh
  bash scripts/container-images.sh
  export DOCKER_HOST="$podman_socket"
fi
if [ "${DOCKER_HOST:-}" = "$podman_socket" ]; then
  export TESTCONTAINERS_RYUK_DISABLED=true
fi

leftovers() { docker ps -aq --filter label=org.testcontainers=true | wc -l; }
before="$(leftovers)"
echo "== the slice with FIELDGUIDE_TEST_SERVICES=containers: ${slice//,/ }"
# A named selection runs through Surefire (the selected-tests profile of the root POM), so its
# reports sit beside the unit tests' and CI's totals count this run as well.
FIELDGUIDE_TEST_SERVICES=containers ./mvnw -pl orders-service -am test -Dtest="$slice" \
  -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true
if [ "$(leftovers)" -gt "$before" ]; then
  docker ps -a --filter label=org.testcontainers=true >&2
  echo "testcontainers slice: containers were left behind" >&2
  exit 1
fi
