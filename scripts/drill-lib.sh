# Shared by the drills and smoke scripts (sourced, not run): the jars, the JDK 25 java, waiting
# for a started service to become ready, and Flyway from the service's jar.

# The lab-enabled application: the service's code exactly as it ships, plus the demo data the
# drills read and the fixture task (apply-once) the worker drill kills mid-job.
jar="$(ls orders-lab/target/orders-lab-*.jar 2>/dev/null | head -n 1)"
# The service alone, as the image ships it.
service_jar="$(ls orders-service/target/orders-service-*-exec.jar 2>/dev/null | head -n 1)"
java_home="$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -n 1)"
java_bin="${java_home:+$java_home/bin/}java"

# The lab jar on port $1 against database $2 (created by the caller) and outbox stream $3, its
# output in file $4; further arguments go to the application. Sets lab_pid. Returns non-zero,
# after printing the log's tail, when the application is not ready in time.
start_lab_jar() {
  local port="$1" db="$2" stream="$3" log="$4"
  shift 4
  "$java_bin" -jar "$jar" --server.port="$port" --fieldguide.grpc.port=0 \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db" \
    --fieldguide.outbox.stream="$stream" "$@" >"$log" 2>&1 &
  lab_pid=$!
  if ! await_ready "$port"; then
    tail -n 80 "$log"
    return 1
  fi
}

# The first line of a recording in docs/measured/ (scripts/record-*.sh): when, at which commit
# and on what it ran; RecordedMeasurementsTests holds recordings to this form.
recording_header() {
  echo "# recorded $(date -u '+%Y-%m-%d %H:%M') UTC at $(git describe --always --dirty) on $(nproc) cores," \
    "PostgreSQL $(psql -h 127.0.0.1 -U postgres -Atc 'SHOW server_version' | cut -d' ' -f1)," \
    "Redis $(redis-cli info server | tr -d '\r' | sed -n 's/^redis_version://p')"
}

await_ready() { # $1 = port; up to $READY_SECONDS (120) s
  await_url "http://127.0.0.1:$1/actuator/health/readiness"
}

await_url() { # $1 = a URL that answers 2xx once its server is ready; up to $READY_SECONDS (120) s
  for _ in $(seq 1 "${READY_SECONDS:-120}"); do
    curl -sf "$1" >/dev/null && return 0
    sleep 1
  done
  echo "$1 did not answer within ${READY_SECONDS:-120} s" >&2
  return 1
}

# Flyway alone from the built jar, with the service's Flyway configuration (MigrationCommand):
# migration_command migrate|validate-release [--spring.*=...]. The database comes from the
# arguments or from SPRING_DATASOURCE_URL/USERNAME/PASSWORD.
migration_command() {
  "$java_bin" -cp "$service_jar" -Dloader.main=dev.fieldguide.orders.migrations.MigrationCommand \
    org.springframework.boot.loader.launch.PropertiesLauncher "$@"
}
