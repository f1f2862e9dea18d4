# Shared by the drills and smoke scripts (sourced, not run): the jars, the JDK 25 java, waiting
# for a started service to become ready, Flyway from the service's jar, and for the container
# smokes the image build and an order placed on a service without demo data.

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

# The project's image under tag $1, built from the Dockerfile through the Docker API. On the
# host's network: the build stage's ./mvnw downloads Maven and the dependencies, and podman's
# bridge network has no way out on these machines. Prints the build's tail when it fails.
build_image() {
  local log started status=0
  log="$(mktemp)"
  started=$(date +%s)
  docker build --network=host -t "$1" . >"$log" 2>&1 || status=$?
  [ "$status" -eq 0 ] && echo "== built $1 in $(( $(date +%s) - started )) s" || tail -n 40 "$log"
  rm -f "$log"
  return "$status"
}

# One customer and one product to order, for a service that ships no demo data (the lab jar
# seeds it): psql with the connection arguments given ($@). Prints "<customer id> <product id>".
seed_order_inputs() {
  psql "$@" -Atq -c "
    INSERT INTO customers (email, name) VALUES ('smoke@example.test', 'Smoke');
    INSERT INTO products (sku, name, price_cents, stock) VALUES ('SMOKE', 'Smoke', 1250, 5);
    SELECT (SELECT id FROM customers) || ' ' || (SELECT id FROM products);"
}

# POST /api/v1/orders to the service at $1 with bearer token $2, for customer $3 one of product
# $4, with an Idempotency-Key of its own; the response body goes to file $5. Prints the HTTP
# status.
place_order() {
  local url="$1" token="$2" customer="$3" product="$4" body="$5"
  curl -s -o "$body" -w '%{http_code}' -X POST "$url/api/v1/orders" \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: smoke-$$-$RANDOM$RANDOM" \
    -d "{\"customerId\": $customer, \"lines\": [{\"productId\": $product, \"quantity\": 1}]}"
}
