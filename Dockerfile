# syntax=docker/dockerfile:1.7
# One image for both roles of orders-service: SPRING_PROFILES_ACTIVE=api or worker picks the role
# (application.yaml, the profile documents at its end); unset, one process runs both. See
# docs/deployment.md.

# --- build: the project's own Maven (wrapper) on a JDK 25 --------------------------------------
FROM eclipse-temurin:25.0.3_9-jdk-noble AS build
WORKDIR /src

# The POMs first, so the dependency download stays cached until a POM changes. Maven reads every
# module's POM even when it builds only orders-service.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY java-core/pom.xml java-core/
COPY load-tests/pom.xml load-tests/
COPY orders-service/pom.xml orders-service/
COPY orders-lab/pom.xml orders-lab/
COPY benchmarks/pom.xml benchmarks/
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -pl orders-service -am dependency:go-offline

COPY java-core/src/ java-core/src/
COPY orders-service/src/ orders-service/src/
# The tests need PostgreSQL and Redis; they ran in CI before an image is built. `package` also
# copies the OpenTelemetry agent to orders-service/target/otel/ (orders-service/pom.xml).
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -pl orders-service -am package -DskipTests

# Split the fat jar into layers: dependencies change rarely, the application on every commit, so
# a new build ships (and a node pulls) only the small last layer.
# The executable jar is the -exec one; the plain jar beside it is what orders-lab builds on.
RUN cp orders-service/target/orders-service-*-exec.jar app.jar \
 && java -Djarmode=tools -jar app.jar extract --layers --launcher --destination /layers

# --- runtime: a JRE only, no JDK, Maven or sources ----------------------------------------------
FROM eclipse-temurin:25.0.3_9-jre-noble

# A fixed non-root user (uid 10001) so Kubernetes can check runAsNonRoot without a name lookup.
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --no-create-home --shell /usr/sbin/nologin app

WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
COPY --from=build /src/orders-service/target/otel/opentelemetry-javaagent.jar /opt/otel/opentelemetry-javaagent.jar

# The JRE image has neither curl nor wget. bash can open a TCP connection itself (/dev/tcp), so
# the probe costs no extra package and no second JVM (a JVM per check would spike memory inside
# the container's limit every few seconds). Exit 0 only on HTTP 200 from the liveness group, on
# the management port when the actuator has one (Kubernetes sets MANAGEMENT_SERVER_PORT).
COPY --chmod=755 orders-service/src/main/docker/liveness /usr/local/bin/liveness

USER 10001:10001

EXPOSE 8080

# The agent attaches to every JVM started in the container; the OTEL_* variables (service name,
# OTLP endpoint, sampler) come from compose or the Kubernetes ConfigMap, per role.
# MaxRAMPercentage sizes the heap from the container's memory limit instead of the host's RAM.
ENV JAVA_TOOL_OPTIONS="-javaagent:/opt/otel/opentelemetry-javaagent.jar -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" \
    OTEL_SERVICE_NAME=field-guide \
    OTEL_METRICS_EXPORTER=none \
    OTEL_LOGS_EXPORTER=none

HEALTHCHECK --interval=10s --timeout=6s --start-period=90s --retries=3 CMD ["liveness"]

ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
