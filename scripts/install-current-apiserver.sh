#!/usr/bin/env bash
# Provision a current Kubernetes API server for tests, built from Go modules:
#   ~/.kubeapitest/k8s/<version>-linux-amd64/{kube-apiserver,etcd,kubectl}
# (kube-api-test's layout, like scripts/install-test-apiserver.sh does for 1.20.2).
#
# The Go module proxy serves k8s.io/kubernetes and its k8s.io/* staging modules (as v0.x.y tags) and
# go.etcd.io/etcd/server/v3, so this script writes a small Go module that requires k8s.io/kubernetes at
# the version, replaces every staging module with its v0.<minor>.<patch> tag (read from Kubernetes's own
# go.mod), copies the package main of cmd/kube-apiserver and cmd/kubectl out of the module cache, adds a
# five-line etcd main (etcdmain.Main) at the etcd version Kubernetes pins, and runs one `go build`.
#
# Idempotent: when the three binaries are there and report the version it exits at once. The module
# directory and the Go build cache ($(go env GOCACHE)) are kept, so a forced rebuild is fast.
#
# Usage: scripts/install-current-apiserver.sh [--force] [--smoke-test]
# Environment overrides:
#   CCAPI_K8S_VERSION           Kubernetes version (default below; the tests read the same default)
#   KUBEAPITEST_K8S_DIR         target dir (default ~/.kubeapitest/k8s/<version>-linux-amd64)
#   CCAPI_APISERVER_BUILD_DIR   work dir   (default /var/cache/ccapi-apiserver-build)
#   GO                          go binary  (default: go on PATH, else /usr/local/go/bin/go)
set -euo pipefail

K8S_VERSION="${CCAPI_K8S_VERSION:-1.37.2}"
TARGET_DIR="${KUBEAPITEST_K8S_DIR:-${HOME}/.kubeapitest/k8s/${K8S_VERSION}-linux-amd64}"
WORK_DIR="${CCAPI_APISERVER_BUILD_DIR:-/var/cache/ccapi-apiserver-build}/go-${K8S_VERSION}"
BINARIES=(kube-apiserver etcd kubectl)

FORCE=0
SMOKE=0
for arg in "$@"; do
  case "$arg" in
    --force) FORCE=1 ;;
    --smoke-test) SMOKE=1 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

log() { echo "[install-current-apiserver] $*"; }
die() { echo "[install-current-apiserver] ERROR: $*" >&2; exit 1; }

installed_ok() {
  local b
  for b in "${BINARIES[@]}"; do [[ -x "${TARGET_DIR}/${b}" ]] || return 1; done
  # output captured first: under pipefail, grep -q closing the pipe early fails the check by SIGPIPE
  local out
  out="$("${TARGET_DIR}/kube-apiserver" --version 2>/dev/null)" && grep -q "v${K8S_VERSION}\b" <<<"${out}" || return 1
  "${TARGET_DIR}/etcd" --version >/dev/null 2>&1 || return 1
  out="$("${TARGET_DIR}/kubectl" version --client 2>/dev/null)" && grep -q "v${K8S_VERSION}\b" <<<"${out}" || return 1
}

smoke() {
  [[ "${SMOKE}" == 1 ]] || return 0
  KUBEAPITEST_K8S_DIR="${TARGET_DIR}" K8S_SMOKE_VERSION="${K8S_VERSION}" \
    bash "$(dirname "$0")/install-test-apiserver.sh" --smoke-only
}

if [[ "${FORCE}" == 0 ]] && installed_ok; then
  log "already installed in ${TARGET_DIR} (cached): $("${TARGET_DIR}/kube-apiserver" --version)"
  smoke
  exit 0
fi
[[ "$(uname -s)/$(uname -m)" == "Linux/x86_64" ]] || die "only linux/amd64 is supported"

GO="${GO:-$(command -v go || echo /usr/local/go/bin/go)}"
[[ -x "${GO}" ]] || die "no Go toolchain (set GO=/path/to/go)"
export GOTOOLCHAIN=local GOFLAGS=-mod=mod CGO_ENABLED=0
mkdir -p "${WORK_DIR}"
exec 9>"${WORK_DIR}/.lock"
flock 9 || die "could not lock ${WORK_DIR}/.lock"
cd "${WORK_DIR}"
START_TS=$(date +%s)
log "building Kubernetes v${K8S_VERSION} into ${TARGET_DIR} with $("${GO}" version) (module dir ${WORK_DIR})"

# The module: Kubernetes's own go.mod says which staging modules to replace and which etcd it pins.
write_module() {
  local kmod staging minor patch etcd
  kmod=$("${GO}" mod download -json "k8s.io/kubernetes@v${K8S_VERSION}" | sed -n 's/^\s*"GoMod": "\(.*\)",$/\1/p')
  [[ -f "${kmod}" ]] || die "could not download k8s.io/kubernetes@v${K8S_VERSION}"
  minor=${K8S_VERSION#*.}; minor=${minor%%.*}; patch=${K8S_VERSION##*.}
  staging=$(sed -n 's#^\s*\(k8s\.io/[^ ]*\) => \./staging/.*#\1#p' "${kmod}")
  etcd=$(sed -n 's#^\s*go\.etcd\.io/etcd/server/v3 \(v[^ ]*\).*#\1#p' "${kmod}" | head -n1)
  [[ -n "${staging}" && -n "${etcd}" ]] || die "unexpected go.mod of k8s.io/kubernetes (${kmod})"
  {
    echo "module ccapi.local/testapiserver"
    echo "go $(sed -n 's/^go //p' "${kmod}")"
    echo "require ("
    echo "	k8s.io/kubernetes v${K8S_VERSION}"
    echo "	go.etcd.io/etcd/server/v3 ${etcd}"
    echo ")"
    echo "replace ("
    for m in ${staging}; do echo "	${m} => ${m} v0.${minor}.${patch}"; done
    echo ")"
  } > go.mod
  log "etcd ${etcd}; ${staging//$'\n'/ } at v0.${minor}.${patch}"
}

write_mains() {
  local kdir d
  kdir=$("${GO}" list -m -f '{{.Dir}}' k8s.io/kubernetes)
  for d in kube-apiserver kubectl; do
    rm -rf "cmd/${d}"; mkdir -p "cmd/${d}"
    find "${kdir}/cmd/${d}" -maxdepth 1 -name '*.go' ! -name '*_test.go' -exec cp {} "cmd/${d}/" \;
    chmod u+w cmd/"${d}"/*.go
  done
  mkdir -p cmd/etcd
  printf '%s\n' 'package main' '' 'import (' '	"os"' '' '	"go.etcd.io/etcd/server/v3/etcdmain"' ')' '' \
    'func main() { etcdmain.Main(os.Args) }' > cmd/etcd/main.go
}

[[ -f go.mod && -f go.sum && -d cmd/etcd ]] || { write_module; write_mains; }
log "resolving modules (go mod tidy)"
nice -n 19 "${GO}" mod tidy

# Version stamps as Kubernetes's hack/lib/version.sh sets them.
MINOR=${K8S_VERSION#*.}; MINOR=${MINOR%%.*}
LDFLAGS="-s -w"
for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  LDFLAGS+=" -X ${p}.gitVersion=v${K8S_VERSION} -X ${p}.gitMajor=1 -X ${p}.gitMinor=${MINOR}"
  LDFLAGS+=" -X ${p}.gitTreeState=clean -X ${p}.buildDate=1970-01-01T00:00:00Z"
done
log "go build (takes many minutes on 2 cores the first time; the Go build cache makes re-runs quick)"
BUILD_START=$(date +%s)
mkdir -p bin
nice -n 19 "${GO}" build -trimpath -ldflags "${LDFLAGS}" -o bin/ ./cmd/kube-apiserver ./cmd/kubectl ./cmd/etcd \
  || die "go build failed (re-run to retry; modules and the build cache are kept)"
log "build finished in $(( $(date +%s) - BUILD_START ))s"

mkdir -p "${TARGET_DIR}"
for b in "${BINARIES[@]}"; do install -m 0755 "bin/${b}" "${TARGET_DIR}/${b}.new" && mv -f "${TARGET_DIR}/${b}.new" "${TARGET_DIR}/${b}"; done
installed_ok || die "installation in ${TARGET_DIR} failed its self-check"
log "installed in $(( $(date +%s) - START_TS ))s: $("${TARGET_DIR}/kube-apiserver" --version), $("${TARGET_DIR}/etcd" --version | head -n1)"
smoke
