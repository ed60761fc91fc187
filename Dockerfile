# The ccapi-operator image, for machines with a Docker daemon and Docker Hub. Build the jars first, then the
# image, from the repository root:
#   mvn -B package -DskipTests && docker build -t ccapi-operator:0.1.0 .
# Without a daemon or a registry, scripts/build-image.sh makes the same image as an OCI tarball (jlink'd JRE).
# The image holds the production jar target/ccapi-operator-run.jar only (run, export, plan; no demo, simulator,
# embedded API servers or test libraries: LeanJarTest checks it). Runs as the non-root user 65532 and needs a
# writable /tmp only (the Helm chart mounts an emptyDir there and makes the root filesystem read-only).
FROM eclipse-temurin:17-jre

RUN groupadd --system --gid 65532 nonroot \
 && useradd --system --uid 65532 --gid 65532 --home-dir /nonexistent --no-create-home \
      --shell /usr/sbin/nologin nonroot

COPY target/ccapi-operator-run.jar /app/ccapi-operator.jar

# Size the heap from the container's memory limit rather than the JVM's default quarter.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75.0"

USER 65532:65532
WORKDIR /tmp
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/ccapi-operator.jar", "run"]
