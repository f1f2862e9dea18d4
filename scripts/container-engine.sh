#!/usr/bin/env bash
# Issue 24: a container engine on a machine that has none. Installs Debian's podman (4.3), makes it
# able to run containers in this sandbox, and serves the Docker API on a Unix socket for the
# `docker` CLI, docker-compose and Testcontainers:
#
#   scripts/container-engine.sh
#   export DOCKER_HOST=unix:///run/podman/podman.sock
#   docker ps
#
# It also starts scripts/podman-health-ticker.sh, which runs containers' healthchecks (podman 4.3
# leaves them to systemd, which these machines lack). Both keep running after this script.
#
# One difference from Docker remains (podman 4.3, fixed in 4.7: containers/podman#19139): containers
# created through the Docker API get a stop timeout of 0, so a plain `docker stop` kills at once.
# Give it -t 10; docker-compose passes its own timeout (10 s) and is not affected.
#
# Idempotent: every step checks first and skips what is already done; each step prints its time.
# It never creates /var/run/docker.sock: the project's tests look for Docker there and would
# switch to containers by themselves (LocalServicesSession). The socket is opt-in via DOCKER_HOST.
#
# Environment:
#   PODMAN_SOCKET   socket path (default /run/podman/podman.sock)
#   PODMAN_LOG      the service's log (default /var/log/podman-service.log)
#   PODMAN_WAIT     seconds to wait for the socket to answer (default 30)
set -Eeuo pipefail
# set -e alone would end the script without a word: say which command failed.
trap 'echo "container-engine.sh: failed at line $LINENO: $BASH_COMMAND" >&2' ERR

socket="${PODMAN_SOCKET:-/run/podman/podman.sock}"
log="${PODMAN_LOG:-/var/log/podman-service.log}"
wait_s="${PODMAN_WAIT:-30}"
conf_dir=/etc/containers/containers.conf.d
conf="$conf_dir/50-fieldguide.conf"

# Prints how long each step took, so a slow machine shows where the time went (EPOCHREALTIME:
# bash's clock in microseconds).
step_start=0
step() { step_start=${EPOCHREALTIME/./}; echo "== $*"; }
done_step() {
  local ds=$(( (${EPOCHREALTIME/./} - step_start) / 100000 ))
  echo "   done in $((ds / 10)).$((ds % 10))s"
}

need_root() {
  [ "$(id -u)" = 0 ] || { echo "container-engine.sh: run as root (it installs packages and runs a rootful podman)" >&2; exit 1; }
}
need_root

# --- 1. packages ---------------------------------------------------------------------------------
# podman: the engine (its Docker-compatible API included). runc: the OCI runtime; Debian's default,
#   crun 1.8, refuses this machine's cgroup layout ("crun: cgroups in hybrid mode not supported,
#   drop all controllers from cgroupv2": cgroup v1 controllers plus a cgroup2 mount), runc runs.
# netavark, aardvark-dns: podman's network backend and its DNS server, so containers on a compose
#   network find each other by service name. (Without them podman falls back to CNI, whose
#   networks have no name resolution: "Could not connect to Redis at redis:6379: Name or service
#   not known".)
# iptables: netavark's firewall driver runs it for the bridge's NAT and published ports; nothing
#   else pulls it in when netavark is installed with podman (without it every container on a
#   bridge fails with "netavark: No such file or directory (os error 2)").
# catatonit: the tiny init behind `docker run --init` / compose `init: true`.
# docker-compose: Debian's compose 1.29 (Python), which talks to DOCKER_HOST; the docker CLI here
#   has no compose plugin. (Rootless helpers such as uidmap, slirp4netns or fuse-overlayfs are not
#   needed: podman runs as root with the kernel's overlayfs.)
step "packages"
packages=(podman runc netavark aardvark-dns iptables catatonit docker-compose)
missing=()
for p in "${packages[@]}"; do
  [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" = 'install ok installed' ] || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "   installing: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "   already installed: ${packages[*]}"
fi
podman --version
done_step

# --- 2. engine configuration ---------------------------------------------------------------------
# A drop-in file of our own, so the rest of /etc/containers (and any containers.conf) is left as it
# is; podman reads containers.conf.d/*.conf after containers.conf.
# ulimits: podman gives every container nofile and nproc of 1048576 unless told otherwise, and this
#   sandbox has no CAP_SYS_RESOURCE, so no process may raise a hard limit: runc then fails with
#   "error setting rlimit type 7" (nofile; crun: "setrlimit `RLIMIT_NOFILE`: Operation not
#   permitted"), and with "rlimit type 6" (nproc) once nofile is set. nofile takes the host's own
#   hard limit (20000 here: Redis's 10000 clients fit, which 1024 would not). nproc cannot exceed
#   32768 even though the shell's limit is higher: podman lowers its own RLIMIT_NPROC to 32768
#   (see /proc/<podman pid>/limits) before it starts conmon and runc.
# runtime: runc (see step 1). cgroup_manager: cgroupfs, as there is no systemd to ask.
# network_backend: netavark (see step 1), chosen outright: podman would keep CNI on a machine where
#   it had already used it.
# events_logger: file, as there is no journald. pids_limit 0: no per-container process cap, as with
#   Docker (podman's default of 2048 would be a difference the project never sees elsewhere).
step "engine configuration ($conf)"
nofile="$(ulimit -Hn)"
[ "$nofile" = unlimited ] && nofile=1048576
nproc="$(ulimit -Hu)"
{ [ "$nproc" = unlimited ] || [ "$nproc" -gt 32768 ]; } && nproc=32768
wanted="$(cat <<EOF
# Written by scripts/container-engine.sh (Field Guide, issue 24). See the script for the reasons.
[containers]
default_ulimits = ["nofile=$nofile:$nofile", "nproc=$nproc:$nproc"]
pids_limit = 0

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"

[network]
network_backend = "netavark"
EOF
)"
# A machine where podman ran with CNI before keeps CNI's bridge, cni-podman0, with the same subnet
# (10.88.0.0/16) as netavark's podman0: its route wins and nothing reaches a container on the
# default network, published ports included. Remove it (podman recreates it only under CNI).
if ip link show cni-podman0 >/dev/null 2>&1; then
  ip link delete cni-podman0
  echo "   removed CNI's leftover bridge cni-podman0"
fi
if [ -f "$conf" ] && [ "$(cat "$conf")" = "$wanted" ]; then
  echo "   unchanged"
  conf_changed=no
else
  mkdir -p "$conf_dir"
  printf '%s\n' "$wanted" > "$conf"
  echo "   written: nofile=$nofile nproc=$nproc runtime=runc"
  conf_changed=yes
fi
done_step

# --- 3. the Docker API service -------------------------------------------------------------------
# `podman system service` serves both podman's and Docker's API on the socket; --time=0 keeps it
# up with no idle timeout. It runs detached (setsid) so it outlives this script and its terminal.
ping() { curl -fsS --max-time 2 --unix-socket "$socket" http://d/_ping >/dev/null 2>&1; }
step "podman service on $socket"
if ping && [ "$conf_changed" = no ]; then
  echo "   already answering"
else
  if ping; then
    # A running service keeps the configuration it read at its start: restart it (our own only,
    # found by its pid file).
    pid="$(cat /run/podman/fieldguide-service.pid 2>/dev/null || true)"
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      echo "   configuration changed: restarting the service (pid $pid)"
      kill "$pid"
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    else
      echo "   configuration changed, but the running service is not ours: restart it by hand" >&2
    fi
  fi
  if ! ping; then
    mkdir -p "$(dirname "$socket")"
    # A socket file left by a dead service would make the new one fail to bind.
    [ -S "$socket" ] && rm -f "$socket"
    # From /: the service and every conmon it starts keep this working directory, and a
    # directory removed later (a CI clone) makes each container start fail ("conmon: Failed to
    # get working directory", "write child: broken pipe").
    (cd / && exec setsid nohup podman system service --time=0 "unix://$socket" >>"$log" 2>&1 \
      < /dev/null) &
    echo $! > /run/podman/fieldguide-service.pid
    echo "   started (pid $!, log $log)"
    deadline=$((SECONDS + wait_s))
    until ping; do
      if [ $SECONDS -ge $deadline ]; then
        echo "container-engine.sh: the socket did not answer within ${wait_s}s; the log says:" >&2
        tail -n 20 "$log" >&2
        exit 1
      fi
      sleep 0.2
    done
  fi
fi
echo "   Docker API $(curl -fsS --unix-socket "$socket" http://d/version | sed -n 's/.*"ApiVersion":"\([^"]*\)".*/\1/p')"
done_step

# --- 4. healthchecks ----------------------------------------------------------------------------
# podman 4.3 schedules healthchecks with systemd timers, and there is no systemd here: without this
# loop no healthcheck ever runs, containers stay "starting", and compose's
# `depends_on: condition: service_healthy` never goes on (scripts/podman-health-ticker.sh).
ticker_pid_file=/run/podman/fieldguide-health-ticker.pid
ticker_log="${PODMAN_TICKER_LOG:-/var/log/podman-health-ticker.log}"
step "healthcheck ticker"
ticker_pid="$(cat "$ticker_pid_file" 2>/dev/null || true)"
if [ -n "$ticker_pid" ] && grep -qa podman-health-ticker "/proc/$ticker_pid/cmdline" 2>/dev/null; then
  echo "   already running (pid $ticker_pid)"
else
  ticker="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/podman-health-ticker.sh"
  (cd / && exec setsid nohup "$ticker" >>"$ticker_log" 2>&1 < /dev/null) & # from /, as above
  echo $! > "$ticker_pid_file"
  echo "   started (pid $!, log $ticker_log)"
fi
done_step

# --- 5. a container actually runs ----------------------------------------------------------------
# Only if an image is there (none can be pulled here: scripts/container-images.sh builds them).
step "a container runs"
probe="$(podman images --format '{{.Repository}}:{{.Tag}}' | grep -m1 'fieldguide/debian:bookworm$' || true)"
if [ -n "$probe" ]; then
  podman run --rm "$probe" sh -c 'echo "   ran in $(cat /etc/debian_version): nofile $(ulimit -n)"'
else
  echo "   no image yet: run scripts/container-images.sh"
fi
done_step

# --- 6. compose ----------------------------------------------------------------------------------
step "compose"
DOCKER_HOST="unix://$socket" docker-compose version --short | sed 's/^/   docker-compose /'
done_step

echo "Ready: export DOCKER_HOST=unix://$socket"
