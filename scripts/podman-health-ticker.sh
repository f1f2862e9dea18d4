#!/usr/bin/env bash
# Runs the healthchecks of running containers, which podman 4.3 leaves to systemd: it asks systemd
# for a timer per container, and where there is no systemd (these machines) it only logs "unable to
# get systemd connection to add healthchecks" and no check ever runs. A container then stays
# "starting" for good, and `depends_on: condition: service_healthy` (docker-compose) waits forever.
#
# Every TICK seconds (default 2, the shortest interval in docker-compose.yml) this loop lists the running containers and, for each with a
# healthcheck whose interval has passed since its last run here, runs `podman healthcheck run` in
# the background (podman itself applies the check's timeout, retries and start period; `timeout`
# bounds a hung one). scripts/container-engine.sh starts it next to the podman service. Its cost:
# one `podman ps` a tick, about 2% of a core at TICK=2.
#
#   scripts/podman-health-ticker.sh            (in the foreground; container-engine.sh detaches it)
set -uo pipefail   # no -e: one failing podman call must not end the loop

tick="${TICK:-2}"
declare -A interval_of=()   # container id -> seconds between checks ("" = no healthcheck)
declare -A last_run=()      # container id -> when its check last started
declare -A running=()       # container id -> pid of a check still in progress

echo "podman-health-ticker: started (pid $$, tick ${tick}s)"
while true; do
  now=$SECONDS
  ids="$(podman ps -q --no-trunc 2>/dev/null)"
  for id in $ids; do
    if [ -z "${interval_of[$id]+set}" ]; then
      # "<first word of the test> <interval in seconds, maybe fractional>"; empty without a
      # healthcheck. A test of NONE is compose's "disable: true". An interval under a second (0
      # included, Docker's "default") becomes 30s, Docker's default.
      test="" secs=""
      read -r test secs < <(podman inspect --format \
        '{{if .Config.Healthcheck}}{{index .Config.Healthcheck.Test 0}} {{.Config.Healthcheck.Interval.Seconds}}{{end}}' \
        "$id" 2>/dev/null)
      if [ -z "$test" ] || [ "$test" = NONE ]; then
        interval_of[$id]=""
      else
        s="${secs%%.*}"; [ "${s:-0}" -ge 1 ] || s=30
        interval_of[$id]=$s
      fi
    fi
    s="${interval_of[$id]}"
    [ -n "$s" ] || continue
    if [ -n "${running[$id]:-}" ] && kill -0 "${running[$id]}" 2>/dev/null; then continue; fi
    if [ $(( now - ${last_run[$id]:--100000} )) -ge "$s" ]; then
      last_run[$id]=$now
      timeout $(( s + 60 )) podman healthcheck run "$id" >/dev/null 2>&1 &
      running[$id]=$!
    fi
  done
  # Forget containers that are gone.
  for id in "${!interval_of[@]}"; do
    case " $(echo $ids) " in *" $id "*) ;; *) unset "interval_of[$id]" "last_run[$id]" "running[$id]" ;; esac
  done
  sleep "$tick"
done
