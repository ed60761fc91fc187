#!/usr/bin/env bash
# Build the operator's container image without a Docker daemon or a registry: an OCI image layout tarball
#   target/ccapi-operator-image.tar   (load it with `docker load`, `podman load` or `skopeo copy oci-archive:`)
# from three layers:
#   1. the C runtime the JVM links against (glibc and friends, copied from this machine), /etc/passwd with the
#      user nonroot (65532), an empty /tmp;
#   2. a Java 17 runtime cut down with jlink to the modules the operator uses (/opt/java);
#   3. the production jar target/ccapi-operator-run.jar (/app/ccapi-operator.jar).
# It runs `java -jar /app/ccapi-operator.jar run` as 65532:65532, like the Dockerfile's image.
#
# Usage: mvn -B package -DskipTests && scripts/build-image.sh [--verify]
#   --verify  unpack the image into a scratch root and run `--help` and `run --help` in it with chroot, as
#             65532 (needs root), to show the image is complete
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=0.1.0
TAG="ccapi-operator:${VERSION}"
JAR=target/ccapi-operator-run.jar
OUT=target/ccapi-operator-image.tar
# What the operator loads: HTTP (java.net.http, jdk.httpserver for /metrics), TLS (jdk.crypto.ec), JMX and
# process metrics (java.management, jdk.management), Jackson/SnakeYAML (java.desktop for java.beans, java.sql,
# java.xml), logback (java.naming, java.logging), Kotlin/okio (jdk.unsupported).
MODULES=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.sql,java.xml,jdk.crypto.ec,jdk.httpserver,jdk.management,jdk.unsupported

log() { echo "[build-image] $*"; }
die() { echo "[build-image] ERROR: $*" >&2; exit 1; }
[[ -f "${JAR}" ]] || die "${JAR} is missing: run mvn -B package -DskipTests first"
command -v jlink >/dev/null || die "jlink not found (a JDK 17 is needed)"

WORK=$(mktemp -d target/image.XXXXXX)
trap 'rm -rf "${WORK}"' EXIT
mkdir -p "${WORK}"/{base,jre/opt,app/app,blobs/sha256}

log "jlink ${MODULES}"
jlink --add-modules "${MODULES}" --strip-debug --no-header-files --no-man-pages --compress=2 \
      --output "${WORK}/jre/opt/java"

# Layer 1: every shared library the JVM's binaries and libraries need, at the path the loader looks for it.
copy_libs() {
  local f lib
  for f in "$@"; do
    ldd "${f}" 2>/dev/null | grep -o '/[^ ]*' || true
  done | sort -u | grep -v "^${WORK}/" | while read -r lib; do
    mkdir -p "${WORK}/base$(dirname "${lib}")"
    cp -L "${lib}" "${WORK}/base${lib}"
  done
}
copy_libs "${WORK}/jre/opt/java/bin/java" $(find "${WORK}/jre/opt/java/lib" -name '*.so')
mkdir -p "${WORK}/base/etc" "${WORK}/base/tmp"
chmod 1777 "${WORK}/base/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/nonexistent:/sbin/nologin\n' > "${WORK}/base/etc/passwd"
printf 'root:x:0:\nnonroot:x:65532:\n' > "${WORK}/base/etc/group"
cp "${JAR}" "${WORK}/app/app/ccapi-operator.jar"

# A reproducible gzip'd tar of a directory; prints "<sha256 of gzip> <sha256 of tar> <size>".
layer() {
  local dir="$1" tarfile="${WORK}/$(basename "$1").tar"
  tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "${dir}" -cf "${tarfile}" .
  local diff_id; diff_id=$(sha256sum "${tarfile}" | cut -d' ' -f1)
  gzip -n -9 "${tarfile}"
  local digest; digest=$(sha256sum "${tarfile}.gz" | cut -d' ' -f1)
  mv "${tarfile}.gz" "${WORK}/blobs/sha256/${digest}"
  echo "${digest} ${diff_id} $(stat -c %s "${WORK}/blobs/sha256/${digest}")"
}
blob() {  # stores stdin as a blob; prints "<sha256> <size>"
  local tmp="${WORK}/blob.tmp" digest
  cat > "${tmp}"
  digest=$(sha256sum "${tmp}" | cut -d' ' -f1)
  mv "${tmp}" "${WORK}/blobs/sha256/${digest}"
  echo "${digest} $(stat -c %s "${WORK}/blobs/sha256/${digest}")"
}

log "layers"
read -r L1 D1 S1 < <(layer "${WORK}/base")
read -r L2 D2 S2 < <(layer "${WORK}/jre")
read -r L3 D3 S3 < <(layer "${WORK}/app")
read -r CFG CFGS < <(cat <<EOF | tr -d '\n' | blob
{"architecture":"amd64","os":"linux","config":{"User":"65532:65532","WorkingDir":"/tmp","ExposedPorts":{"8080/tcp":{}},
"Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","JAVA_TOOL_OPTIONS=-XX:MaxRAMPercentage=75.0"],
"Entrypoint":["/opt/java/bin/java","-jar","/app/ccapi-operator.jar","run"]},
"rootfs":{"type":"layers","diff_ids":["sha256:${D1}","sha256:${D2}","sha256:${D3}"]},
"history":[{"created_by":"scripts/build-image.sh: C runtime, passwd, /tmp"},{"created_by":"jlink ${MODULES}"},{"created_by":"COPY ${JAR}"}]}
EOF
)
GZ=application/vnd.oci.image.layer.v1.tar+gzip
read -r MAN MANS < <(cat <<EOF | tr -d '\n' | blob
{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
"config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:${CFG}","size":${CFGS}},
"layers":[{"mediaType":"${GZ}","digest":"sha256:${L1}","size":${S1}},{"mediaType":"${GZ}","digest":"sha256:${L2}","size":${S2}},
{"mediaType":"${GZ}","digest":"sha256:${L3}","size":${S3}}]}
EOF
)
echo '{"imageLayoutVersion":"1.0.0"}' > "${WORK}/oci-layout"
printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%s,"annotations":{"org.opencontainers.image.ref.name":"%s","io.containerd.image.name":"%s"}}]}' \
  "${MAN}" "${MANS}" "${VERSION}" "${TAG}" > "${WORK}/index.json"
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "${WORK}" -cf "${OUT}" oci-layout index.json blobs
log "${OUT}: $(( $(stat -c %s "${OUT}") / 1024 / 1024 )) MiB compressed (C runtime $((S1 / 1024 / 1024)) MiB, Java runtime $((S2 / 1024 / 1024)) MiB, jar $((S3 / 1024 / 1024)) MiB); unpacked $(du -sm "${WORK}"/{base,jre,app} | awk '{s+=$1} END {print s}') MiB"

if [[ "${1:-}" == "--verify" ]]; then
  ROOT="${WORK}/root"; mkdir -p "${ROOT}"
  for l in "${L1}" "${L2}" "${L3}"; do tar -xzf "${WORK}/blobs/sha256/${l}" -C "${ROOT}"; done
  # a container has /proc (the loader needs /proc/self/exe for the JVM's $ORIGIN library path)
  mkdir -p "${ROOT}/proc" && mount -t proc proc "${ROOT}/proc"
  trap 'umount "${ROOT}/proc" 2>/dev/null; rm -rf "${WORK}"' EXIT
  log "verify: chroot as 65532: --help, run --help"
  chroot --userspec=65532:65532 "${ROOT}" /opt/java/bin/java -jar /app/ccapi-operator.jar --help
  chroot --userspec=65532:65532 "${ROOT}" /opt/java/bin/java -jar /app/ccapi-operator.jar run --help >/dev/null
  log "verify: OK"
fi
