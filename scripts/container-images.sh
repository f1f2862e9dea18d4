#!/usr/bin/env bash
# Issue 24: stand-ins for the images the project names, built here from Debian's packages because
# no image registry is reachable from these machines. Each gets exactly the tag the project's files
# use, so `docker compose`, the Dockerfile and Testcontainers find it locally and pull nothing:
#   docker-compose.yml         postgres:17.6, redis:7.4.5
#   Dockerfile                 eclipse-temurin:<v>-jdk-noble (build), eclipse-temurin:<v>-jre-noble
#   ContainerServices.java     postgres:17, redis:7 (Testcontainers)
# They are stand-ins, not the real thing: Debian 12 has PostgreSQL 15 and Redis 7.0, and the
# Temurin JDK comes from the host. Each image's label dev.fieldguide.real-version says what it
# really holds, and the postgres and redis entrypoints say it at every start.
#
#   scripts/container-engine.sh          (podman, once)
#   scripts/container-images.sh          build what is missing or changed (podman's layer cache)
#   scripts/container-images.sh --force  debootstrap a new root file system and rebuild everything
#
# Steps: (1) a Debian bookworm minbase root file system by debootstrap, kept as a tarball under
# $FIELDGUIDE_IMAGE_CACHE (default /var/cache/fieldguide-images); (2) imported as
# localhost/fieldguide/debian-rootfs:bookworm; (3) containers/debian-base on top of it (apt set up,
# security updates) as localhost/fieldguide/debian:bookworm; (4) containers/{postgres,redis,
# temurin-jdk,temurin-jre} from that. A rerun skips (1)-(2) when their results exist, and podman's
# layer cache makes (3)-(4) quick when nothing changed.
#
# Environment: FIELDGUIDE_IMAGE_CACHE, DEBIAN_MIRROR (default http://deb.debian.org/debian),
# HOST_JDK (default /usr/lib/jvm/temurin-25-jdk-amd64), FORCE=1 (as --force).
set -Eeuo pipefail
# set -e alone would end the script without a word: say which command failed.
trap 'echo "container-images.sh: failed at line $LINENO: $BASH_COMMAND" >&2' ERR

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${FIELDGUIDE_IMAGE_CACHE:-/var/cache/fieldguide-images}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
host_jdk="${HOST_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}"
force="${FORCE:-0}"
[ "${1:-}" = --force ] && force=1

run_started="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
rootfs_tar="$cache/debian-bookworm-minbase.tar"
rootfs_image=localhost/fieldguide/debian-rootfs:bookworm
base_image=localhost/fieldguide/debian:bookworm

die() { echo "container-images.sh: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "run as root (debootstrap and a rootful podman)"
command -v podman >/dev/null || die "no podman: run scripts/container-engine.sh first"

# Step timings (EPOCHREALTIME: bash's clock in microseconds), and a summary line per image.
step_start=0
step() { step_start=${EPOCHREALTIME/./}; echo "== $*"; }
elapsed() { local ds=$(( (${EPOCHREALTIME/./} - step_start) / 100000 )); echo "$((ds / 10)).$((ds % 10))s"; }
done_step() { echo "   done in $(elapsed)"; }
summary=()

# --- the tags, read from the project's own files -------------------------------------------------
# So a version bump in the project renames the stand-ins too. Each must be found: a changed file
# layout should stop this script, not build images nobody asks for.
compose="$repo/docker-compose.yml"
dockerfile="$repo/Dockerfile"
tc_services="$repo/orders-service/src/test/java/dev/fieldguide/orders/support/ContainerServices.java"
for f in "$compose" "$dockerfile" "$tc_services"; do [ -f "$f" ] || die "missing $f"; done
compose_image() { sed -nE "s/^ +image: *($1:[^ #\"']+).*/\1/p" "$compose" | head -n 1; }
tc_image() { grep -oE "\"$1:[^\"]+\"" "$tc_services" | tr -d '"' | head -n 1; }
from_image() { sed -nE "s/^FROM +(eclipse-temurin:[^ ]+-$1-[^ ]+).*/\1/p" "$dockerfile" | head -n 1; }
pg_tags=("$(compose_image postgres)" "$(tc_image postgres)")
redis_tags=("$(compose_image redis)" "$(tc_image redis)")
jdk_tag="$(from_image jdk)"
jre_tag="$(from_image jre)"
for t in "${pg_tags[@]}" "${redis_tags[@]}" "$jdk_tag" "$jre_tag"; do
  [ -n "$t" ] || die "an image name was not found in the project's files (compose, Dockerfile, ContainerServices)"
done
echo "tags: ${pg_tags[*]} ${redis_tags[*]} $jdk_tag $jre_tag"

# Short names as Docker spells them in full: the Docker API (compose, Testcontainers) looks a name
# like postgres:17 up as docker.io/library/postgres:17, and podman's own CLI finds that too.
qualify() { local t; for t; do echo "docker.io/library/$t"; done; }

# The host's JDK must be the one the tag names (eclipse-temurin:25.0.3_9-... is Temurin 25.0.3+9).
[ -x "$host_jdk/bin/javac" ] || die "no JDK at $host_jdk (set HOST_JDK)"
host_jdk_version="$(sed -nE 's/^SEMANTIC_VERSION="(.*)"/\1/p' "$host_jdk/release")"
tag_jdk_version="$(echo "$jdk_tag" | sed -E 's/^eclipse-temurin:([^-]+)-.*/\1/; s/_/+/')"
if [ "$host_jdk_version" != "$tag_jdk_version" ]; then
  echo "WARNING: $jdk_tag will hold Temurin $host_jdk_version from $host_jdk, not $tag_jdk_version" >&2
fi

# --- 1. the root file system ---------------------------------------------------------------------
step "Debian bookworm minbase root file system ($rootfs_tar)"
if [ "$force" = 1 ] || [ ! -s "$rootfs_tar" ]; then
  command -v debootstrap >/dev/null || {
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
  }
  mkdir -p "$cache"
  work="$cache/rootfs.tmp"
  rm -rf "$work"
  # minbase: essential packages and apt only; each image adds what it needs.
  debootstrap --variant=minbase bookworm "$work" "$mirror" > "$cache/debootstrap.log" 2>&1 \
    || { tail -n 20 "$cache/debootstrap.log" >&2; die "debootstrap failed (log: $cache/debootstrap.log)"; }
  # The downloaded .debs and package lists are of no use in an image (the base fetches fresh lists).
  rm -rf "$work"/var/cache/apt/archives/*.deb "$work"/var/lib/apt/lists/* "$work"/var/log/*.log
  tar --numeric-owner -C "$work" -cf "$rootfs_tar.tmp" .
  mv "$rootfs_tar.tmp" "$rootfs_tar"
  rm -rf "$work"
  echo "   made $(du -h "$rootfs_tar" | cut -f1)"
else
  echo "   cached"
fi
done_step

# --- 2. imported as an image ---------------------------------------------------------------------
step "import $rootfs_image"
if [ "$force" = 1 ] || ! podman image exists "$rootfs_image"; then
  # The label marks every image built here (the others inherit it), for the clean-up at the end.
  podman import --quiet --change 'CMD ["bash"]' \
    --change 'LABEL dev.fieldguide.built-by=scripts/container-images.sh' \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    "$rootfs_tar" "$rootfs_image" > /dev/null
  echo "   imported"
else
  echo "   exists"
fi
done_step

# --- 3. the base image ---------------------------------------------------------------------------
# --network=host: apt inside a build needs the Debian mirror, and podman's bridge network has no
# way out on these machines. --layers (podman's default) keeps each step for the next run.
# The build's output goes to a log of its own (the last 30 lines are shown if it fails); it prints
# the new image's id.
logs="$cache/logs"
mkdir -p "$logs"
build() {
  local log="$logs/$1.log" iidfile; shift
  iidfile="$(mktemp)"
  if ! podman build --network=host --layers --iidfile "$iidfile" "$@" > "$log" 2>&1; then
    tail -n 30 "$log" >&2
    die "podman build failed (log: $log)"
  fi
  cat "$iidfile"; rm -f "$iidfile"
}
step "build $base_image (containers/debian-base)"
# The context is containers/debian-base plus local-ca/: this machine's own CAs (see the
# Containerfile), so Maven inside the Dockerfile's build stage can reach Maven Central.
base_context="$(mktemp -d)"
cp -r "$repo/containers/debian-base/." "$base_context/"
mkdir -p "$base_context/local-ca"
find /usr/local/share/ca-certificates -name '*.crt' -exec cp {} "$base_context/local-ca/" \; 2>/dev/null || true
build debian-base --build-arg "ROOTFS_IMAGE=$rootfs_image" -t "$base_image" "$base_context" > /dev/null
rm -rf "$base_context"
done_step

# --- 4. the stand-ins ----------------------------------------------------------------------------
# Each is built twice: first to ask the result what it really holds, then (every step cached, so
# at once) again with that in its labels and with its tags. Labels cannot be computed inside a
# Containerfile from what a RUN installed.
#   standin NAME DIR "REAL-VERSION COMMAND" TAGS... -- BUILD ARGS...
standin() {
  local name="$1" dir="$2" version_cmd="$3"; shift 3
  local -a tags=() args=() tag_flags=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do tags+=("$1"); shift; done
  [ "${1:-}" = -- ] && shift
  args=("$@")
  local t; for t in $(qualify "${tags[@]}"); do tag_flags+=(-t "$t"); done

  step "build $name (containers/$dir) as ${tags[*]}"
  local iid real
  iid="$(build "$name" "${args[@]}" --build-arg "STANDS_IN_FOR=${tags[*]}" "$repo/containers/$dir")"
  real="$(podman run --rm --entrypoint sh "$iid" -c "$version_cmd")"
  [ -n "$real" ] || die "$name: could not read the real version from the image"
  build "$name.labels" "${args[@]}" --build-arg "STANDS_IN_FOR=${tags[*]}" \
    --label "dev.fieldguide.stand-in-for=${tags[*]}" \
    --label "dev.fieldguide.real-version=$real" \
    --label "org.opencontainers.image.description=Field Guide stand-in for ${tags[*]}, built from Debian 12 packages (scripts/container-images.sh)" \
    --label "org.opencontainers.image.source=containers/$dir" \
    "${tag_flags[@]}" "$repo/containers/$dir" > /dev/null
  local size
  size="$(podman image inspect --format '{{.Size}}' "$(qualify "${tags[0]}")" | awk '{printf "%.0f MB", $1 / 1000000}')"
  echo "   $real; $size"
  summary+=("$(printf '%-44s %7s %8s  %s' "${tags[*]}" "$(elapsed)" "$size" "$real")")
  done_step
}

standin postgres postgres \
  'echo "PostgreSQL $(postgres -V | cut -d" " -f3) (Debian package postgresql-$PG_MAJOR $(dpkg-query -W -f="\${Version}" postgresql-$PG_MAJOR))"' \
  "${pg_tags[@]}" -- --build-arg "BASE_IMAGE=$base_image"

standin redis redis \
  'echo "Redis $(redis-server --version | sed -n "s/.* v=\([^ ]*\).*/\1/p") (Debian package redis-server $(dpkg-query -W -f="\${Version}" redis-server))"' \
  "${redis_tags[@]}" -- --build-arg "BASE_IMAGE=$base_image"

jdk_ref="$(qualify "$jdk_tag")"
standin temurin-jdk temurin-jdk \
  'echo "$(java -version 2>&1 | grep -o "Temurin-[^ ]*" | head -n 1) JDK (the host'"'"'s, copied) on Debian $(cat /etc/debian_version)"' \
  "$jdk_tag" -- --build-arg "BASE_IMAGE=$base_image" --build-arg "JAVA_VERSION=jdk-$host_jdk_version" \
  -v "$host_jdk:/mnt/host-jdk:ro"

standin temurin-jre temurin-jre \
  'echo "$(java -version 2>&1 | grep -o "Temurin-[^ ]*" | head -n 1) runtime (jlink: every JDK module but jdk.jlink, jdk.jpackage) on Debian $(cat /etc/debian_version)"' \
  "$jre_tag" -- --build-arg "BASE_IMAGE=$base_image" --build-arg "JDK_IMAGE=$jdk_ref" \
  --build-arg "JAVA_VERSION=jdk-$host_jdk_version"

# After --force every image above is new, and the ones it replaced are left without a name: remove
# those (only images made here, by the label, and only older than this run, so this run's cached
# steps stay). A run without --force leaves everything: its cached steps are older than the run.
if [ "$force" = 1 ]; then
  step "remove the images --force replaced"
  removed="$(podman image prune -f --filter label=dev.fieldguide.built-by=scripts/container-images.sh \
    --filter "until=$run_started" | wc -l)"
  echo "   $removed removed"
  done_step
fi

echo
echo "Stand-in images (build time of this run, size, what they really hold):"
printf '%s\n' "${summary[@]}"
