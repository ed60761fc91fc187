#!/usr/bin/env bash
# Provision a real Kubernetes API server for tests:
#   ~/.kubeapitest/k8s/1.20.2-linux-amd64/{kube-apiserver,etcd,kubectl}
#
# No registry ships kube-apiserver, and only Debian's archive and Maven Central
# are reachable, so this script:
#   1. enables deb-src for the machine's existing Debian sources,
#   2. fetches Debian bookworm's `kubernetes` source package (1.20.2),
#   3. swaps the vendored json-iterator/reflect2 for Debian's newer packages
#      (the vendored ones crash at runtime when built with Go >= 1.18),
#   4. builds cmd/kube-apiserver and cmd/kubectl with Debian's golang-go,
#   5. copies etcd from Debian's etcd-server package.
#
# Idempotent: if the three binaries are already there and work, it exits 0
# immediately. Safe to re-run after a partial failure (the source tree and the
# Go build cache are kept until a build succeeds).
#
# Usage: scripts/install-test-apiserver.sh [--force] [--smoke-test] [--keep-build]
#   --force       rebuild even if the target directory is complete
#   --smoke-test  afterwards start etcd + kube-apiserver on 127.0.0.1 and
#                 query them with kubectl, then stop them
#   --keep-build  keep the build directory after a successful build
#   --smoke-only  only the smoke test, of the binaries in KUBEAPITEST_K8S_DIR (install-current-apiserver.sh
#                 uses it for its build; K8S_SMOKE_VERSION says which version they are)
#
# Environment overrides:
#   KUBEAPITEST_K8S_DIR         target dir (default ~/.kubeapitest/k8s/1.20.2-linux-amd64)
#   CCAPI_APISERVER_BUILD_DIR   work dir   (default /var/cache/ccapi-apiserver-build)
# shellcheck disable=SC2001  # sed is clearer for indenting multi-line output
set -euo pipefail

K8S_VERSION=1.20.2
TARGET_DIR="${KUBEAPITEST_K8S_DIR:-${HOME}/.kubeapitest/k8s/${K8S_VERSION}-linux-amd64}"
WORK_DIR="${CCAPI_APISERVER_BUILD_DIR:-/var/cache/ccapi-apiserver-build}"
DEB_SRC_BASENAME=ccapi-deb-src
BINARIES=(kube-apiserver etcd kubectl)
APT_PACKAGES=(dpkg-dev golang-go rsync make etcd-server
              golang-github-json-iterator-go-dev golang-github-modern-go-reflect2-dev)

FORCE=0
SMOKE=0
KEEP_BUILD=0
SMOKE_ONLY=0
for arg in "$@"; do
  case "$arg" in
    --force) FORCE=1 ;;
    --smoke-test) SMOKE=1 ;;
    --keep-build) KEEP_BUILD=1 ;;
    --smoke-only) SMOKE_ONLY=1 ;;
    -h|--help) sed -n '2,28p' "$0"; exit 0 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

log()  { echo "[install-test-apiserver] $*"; }

# Everything started or staged by this script is cleaned up on any exit.
SMOKE_PIDS=()
SMOKE_TMP=""
STAGE=""
cleanup() {
  local pid
  for pid in "${SMOKE_PIDS[@]}"; do
    kill "${pid}" 2>/dev/null || true
    wait "${pid}" 2>/dev/null || true
  done
  [[ -n "${SMOKE_TMP}" ]] && rm -rf "${SMOKE_TMP}"
  [[ -n "${STAGE}" ]] && rm -rf "${STAGE}"
  return 0
}
trap cleanup EXIT
warn() { echo "[install-test-apiserver] WARNING: $*" >&2; }
die()  { echo "[install-test-apiserver] ERROR: $*" >&2; exit 1; }

# ---------------------------------------------------------------------------
# Cache check
# ---------------------------------------------------------------------------
installed_ok() {
  local b
  for b in "${BINARIES[@]}"; do
    [[ -x "${TARGET_DIR}/${b}" ]] || return 1
  done
  "${TARGET_DIR}/kube-apiserver" --version 2>/dev/null | grep -q "v${K8S_VERSION}\b" || return 1
  "${TARGET_DIR}/etcd" --version >/dev/null 2>&1 || return 1
  "${TARGET_DIR}/kubectl" version --client >/dev/null 2>&1 || return 1
}

print_installed() {
  log "kube-apiserver: $("${TARGET_DIR}/kube-apiserver" --version 2>&1)"
  log "etcd:           $("${TARGET_DIR}/etcd" --version 2>&1 | head -n1)"
  log "kubectl:        $("${TARGET_DIR}/kubectl" version --client --short 2>/dev/null \
                          || "${TARGET_DIR}/kubectl" version --client 2>&1 | head -n1)"
}

# ---------------------------------------------------------------------------
# Smoke test: start etcd + kube-apiserver on loopback, query, stop.
# ---------------------------------------------------------------------------
free_port() {
  # A free TCP port on 127.0.0.1 (small race window is acceptable for a smoke test).
  local p
  for _ in $(seq 1 50); do
    p=$(( 20000 + RANDOM % 20000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/${p}") 2>/dev/null; then
      echo "$p"; return 0
    fi
  done
  die "no free port found"
}

smoke_test() {
  command -v openssl >/dev/null 2>&1 || die "openssl is needed for --smoke-test"
  local tmp etcd_pid api_pid etcd_port peer_port api_port i ok=0 insecure=()
  # --insecure-port exists (and must be turned off) only before Kubernetes 1.24
  [[ "${K8S_SMOKE_VERSION:-${K8S_VERSION}}" =~ ^1\.(1[0-9]|2[0-3])\. ]] && insecure=(--insecure-port 0)
  tmp=$(mktemp -d /tmp/ccapi-apiserver-smoke.XXXXXX)
  SMOKE_TMP="${tmp}"
  etcd_port=$(free_port); peer_port=$(free_port); api_port=$(free_port)
  log "smoke test: etcd on 127.0.0.1:${etcd_port}, kube-apiserver on 127.0.0.1:${api_port} (logs in ${tmp})"

  openssl genrsa -out "${tmp}/sa.key" 2048 2>/dev/null
  openssl rsa -in "${tmp}/sa.key" -pubout -out "${tmp}/sa.pub" 2>/dev/null
  echo "smoke-token,smoke-admin,smoke-admin,system:masters" > "${tmp}/tokens.csv"

  "${TARGET_DIR}/etcd" --data-dir "${tmp}/etcd" \
      --listen-client-urls "http://127.0.0.1:${etcd_port}" \
      --advertise-client-urls "http://127.0.0.1:${etcd_port}" \
      --listen-peer-urls "http://127.0.0.1:${peer_port}" \
      --initial-advertise-peer-urls "http://127.0.0.1:${peer_port}" \
      --initial-cluster "default=http://127.0.0.1:${peer_port}" \
      >"${tmp}/etcd.log" 2>&1 &
  etcd_pid=$!
  SMOKE_PIDS+=("${etcd_pid}")

  "${TARGET_DIR}/kube-apiserver" \
      --etcd-servers "http://127.0.0.1:${etcd_port}" \
      --bind-address 127.0.0.1 --advertise-address 127.0.0.1 --endpoint-reconciler-type none \
      --secure-port "${api_port}" "${insecure[@]}" \
      --cert-dir "${tmp}/certs" \
      --service-cluster-ip-range 10.0.0.0/24 \
      --service-account-issuer https://kubernetes.default.svc \
      --service-account-key-file "${tmp}/sa.pub" \
      --service-account-signing-key-file "${tmp}/sa.key" \
      --token-auth-file "${tmp}/tokens.csv" \
      --authorization-mode RBAC \
      >"${tmp}/apiserver.log" 2>&1 &
  api_pid=$!
  SMOKE_PIDS=("${api_pid}" "${SMOKE_PIDS[@]}")   # stop the apiserver before etcd

  local kc=("${TARGET_DIR}/kubectl" --server "https://127.0.0.1:${api_port}"
            --token smoke-token --insecure-skip-tls-verify=true)
  for i in $(seq 1 90); do
    if ! kill -0 "${api_pid}" 2>/dev/null; then
      tail -n 40 "${tmp}/apiserver.log" >&2; die "kube-apiserver exited during smoke test"
    fi
    if [[ "$("${kc[@]}" get --raw /healthz 2>/dev/null)" == "ok" ]]; then ok=1; break; fi
    sleep 1
  done
  if [[ "${ok}" != 1 ]]; then
    tail -n 40 "${tmp}/apiserver.log" >&2; die "kube-apiserver did not become healthy"
  fi
  log "smoke test: /healthz = ok after ~${i}s"
  "${kc[@]}" get namespaces
  "${kc[@]}" create namespace ccapi-smoke >/dev/null
  "${kc[@]}" create configmap smoke -n ccapi-smoke --from-literal=k=v >/dev/null
  "${kc[@]}" get configmap smoke -n ccapi-smoke -o jsonpath='{.data.k}' | grep -qx v \
    || die "configmap round trip failed"
  log "smoke test: namespace + configmap round trip OK"
  kill -0 "${api_pid}" 2>/dev/null || die "kube-apiserver died during smoke test"
  log "smoke test passed; stopping kube-apiserver and etcd"
  cleanup
  SMOKE_PIDS=(); SMOKE_TMP=""
}

# ---------------------------------------------------------------------------
if [[ "${SMOKE_ONLY}" == 1 ]]; then
  smoke_test
  exit 0
fi
if [[ "${FORCE}" == 0 ]] && installed_ok; then
  log "already installed in ${TARGET_DIR} (cached)"
  print_installed
  [[ "${SMOKE}" == 1 ]] && smoke_test
  exit 0
fi

[[ "$(uname -s)/$(uname -m)" == "Linux/x86_64" ]] || die "only linux/amd64 is supported (got $(uname -s)/$(uname -m))"

SUDO=()
if [[ "${EUID}" -ne 0 ]]; then
  command -v sudo >/dev/null 2>&1 || die "must run as root (or have sudo) to install apt packages"
  SUDO=(sudo)
fi
command -v apt-get >/dev/null 2>&1 || die "apt-get not found: this script needs a Debian (bookworm) machine"

# shellcheck disable=SC1091
CODENAME="$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}")"
CODENAME="${CODENAME:-bookworm}"

mkdir -p "${WORK_DIR}"
exec 9>"${WORK_DIR}/.lock"
flock 9 || die "could not lock ${WORK_DIR}/.lock"

START_TS=$(date +%s)
log "installing Kubernetes ${K8S_VERSION} test binaries into ${TARGET_DIR}"
log "work dir: ${WORK_DIR}"

# ---------------------------------------------------------------------------
# apt helpers
# ---------------------------------------------------------------------------
export DEBIAN_FRONTEND=noninteractive
APT_UPDATED=0
apt_update() {
  log "apt-get update"
  if ! "${SUDO[@]}" apt-get update -qq; then
    warn "apt-get update reported errors; continuing with whatever indexes were fetched"
  fi
  APT_UPDATED=1
}

apt_install() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  [[ "${APT_UPDATED}" == 1 ]] || apt_update
  log "apt-get install ${missing[*]}"
  # Never let package installation start services (e.g. etcd on :2379).
  local made_policy=0
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' | "${SUDO[@]}" tee /usr/sbin/policy-rc.d >/dev/null
    "${SUDO[@]}" chmod 0755 /usr/sbin/policy-rc.d
    made_policy=1
  fi
  local rc=0
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    >"${WORK_DIR}/apt-install.log" 2>&1 || rc=$?
  if [[ "${made_policy}" == 1 ]]; then "${SUDO[@]}" rm -f /usr/sbin/policy-rc.d; fi
  if [[ "${rc}" != 0 ]]; then
    tail -n 30 "${WORK_DIR}/apt-install.log" >&2
    die "apt-get install failed (rc=${rc}); full log: ${WORK_DIR}/apt-install.log"
  fi
}

# Emit deb-src entries (one-line format) for one-line 'deb' entries on stdin
# whose suite belongs to this Debian release.
deb_src_from_list() {
  awk -v codename="${CODENAME}" '
    /^[ \t]*deb[ \t]/ {
      line = $0
      sub(/^[ \t]*deb[ \t]+/, "", line)
      opts = ""
      if (match(line, /^\[[^]]*\][ \t]*/)) {
        opts = substr(line, 1, RLENGTH); sub(/[ \t]+$/, "", opts)
        line = substr(line, RLENGTH + 1)
      }
      sub(/[ \t]*#.*$/, "", line)
      n = split(line, f, /[ \t]+/)
      if (n < 2) next
      suite = f[2]
      if (codename != "" && suite !~ ("^" codename "($|-|/)")) next
      printf "deb-src %s%s\n", (opts == "" ? "" : opts " "), line
    }'
}

# Emit deb822 stanzas with Types: deb-src for deb822 stanzas on stdin that
# have Types: deb (and not already deb-src), are enabled, and whose suites
# belong to this Debian release.
deb_src_from_sources() {
  awk -v codename="${CODENAME}" '
    function reset() { n = 0; types = ""; suites = ""; enabled = "yes" }
    function flush(   i, s, ns, kept, k) {
      if (n == 0) return
      if (types ~ /(^|[ \t])deb([ \t]|$)/ && types !~ /deb-src/ && tolower(enabled) != "no") {
        ns = split(suites, s, /[ \t]+/); kept = ""
        for (k = 1; k <= ns; k++) {
          if (s[k] == "") continue
          if (codename == "" || s[k] ~ ("^" codename "($|-|/)")) kept = kept (kept == "" ? "" : " ") s[k]
        }
        if (kept != "") {
          for (i = 1; i <= n; i++) {
            if (lines[i] ~ /^[Tt]ypes:/) print "Types: deb-src"
            else if (lines[i] ~ /^[Ss]uites:/) print "Suites: " kept
            else if (lines[i] ~ /^[Ee]nabled:/) continue
            else print lines[i]
          }
          print ""
        }
      }
      reset()
    }
    BEGIN { reset() }
    /^#/ { next }
    /^[ \t]*$/ { flush(); next }
    {
      lines[++n] = $0
      if ($0 ~ /^[Tt]ypes:/)   { v = $0; sub(/^[^:]*:[ \t]*/, "", v); types = v }
      if ($0 ~ /^[Ss]uites:/)  { v = $0; sub(/^[^:]*:[ \t]*/, "", v); suites = v }
      if ($0 ~ /^[Ee]nabled:/) { v = $0; sub(/^[^:]*:[ \t]*/, "", v); enabled = v }
    }
    END { flush() }'
}

kubernetes_source_known() {
  local out
  out=$(apt-cache showsrc kubernetes 2>/dev/null) || return 1
  grep -q '^Package: kubernetes$' <<<"${out}"
}

ensure_deb_src() {
  if [[ "${APT_UPDATED}" == 0 ]]; then apt_update; fi
  if kubernetes_source_known; then
    log "deb-src for the kubernetes source package is available"
    return 0
  fi
  log "enabling deb-src entries mirroring the existing Debian sources (${CODENAME})"
  local list_out sources_out f
  list_out=$(
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
      [[ -f "$f" && "$(basename "$f")" != "${DEB_SRC_BASENAME}.list" ]] || continue
      deb_src_from_list < "$f"
    done
  )
  sources_out=$(
    for f in /etc/apt/sources.list.d/*.sources; do
      [[ -f "$f" && "$(basename "$f")" != "${DEB_SRC_BASENAME}.sources" ]] || continue
      deb_src_from_sources < "$f"
      echo
    done | cat -s
  )
  "${SUDO[@]}" rm -f "/etc/apt/sources.list.d/${DEB_SRC_BASENAME}.list" \
                     "/etc/apt/sources.list.d/${DEB_SRC_BASENAME}.sources"
  if [[ -n "${list_out//[[:space:]]/}" ]]; then
    printf '# Added by ccapi-operator scripts/install-test-apiserver.sh\n%s\n' "${list_out}" \
      | "${SUDO[@]}" tee "/etc/apt/sources.list.d/${DEB_SRC_BASENAME}.list" >/dev/null
    log "wrote /etc/apt/sources.list.d/${DEB_SRC_BASENAME}.list:"; sed 's/^/    /' <<<"${list_out}"
  fi
  if [[ -n "${sources_out//[[:space:]]/}" ]]; then
    printf '# Added by ccapi-operator scripts/install-test-apiserver.sh\n%s\n' "${sources_out}" \
      | "${SUDO[@]}" tee "/etc/apt/sources.list.d/${DEB_SRC_BASENAME}.sources" >/dev/null
    log "wrote /etc/apt/sources.list.d/${DEB_SRC_BASENAME}.sources:"; sed 's/^/    /' <<<"${sources_out}"
  fi
  if [[ -z "${list_out//[[:space:]]/}" && -z "${sources_out//[[:space:]]/}" ]]; then
    die "no Debian '${CODENAME}' entries found in /etc/apt/sources.list{,.d/*} to derive deb-src from"
  fi
  apt_update
  kubernetes_source_known || die "apt-cache showsrc kubernetes still finds nothing after enabling deb-src"
}

k8s_binaries_ok() {
  [[ -x "${TARGET_DIR}/kube-apiserver" && -x "${TARGET_DIR}/kubectl" ]] || return 1
  "${TARGET_DIR}/kube-apiserver" --version 2>/dev/null | grep -q "v${K8S_VERSION}\b" || return 1
  "${TARGET_DIR}/kubectl" version --client >/dev/null 2>&1 || return 1
}

OUT_DIR=""
build_k8s() {
# ---------------------------------------------------------------------------
# 1. packages + source
# ---------------------------------------------------------------------------
ensure_deb_src
apt_install "${APT_PACKAGES[@]}"
command -v go >/dev/null 2>&1 || die "go not found after installing golang-go"
log "using $(go version)"

SRC_DIR="${WORK_DIR}/kubernetes"
if [[ -f "${SRC_DIR}/.ccapi-source-complete" ]]; then
  log "reusing extracted source in ${SRC_DIR}"
else
  log "fetching Debian source package 'kubernetes' (apt-get source)"
  rm -rf "${SRC_DIR}" "${WORK_DIR}/fetch"
  mkdir -p "${WORK_DIR}/fetch"
  # Let apt's sandbox user write the download there (avoids an 'unsandboxed' warning).
  if [[ "${EUID}" -eq 0 ]] && id _apt >/dev/null 2>&1; then chown _apt "${WORK_DIR}/fetch"; fi
  (cd "${WORK_DIR}/fetch" && apt-get source -qq kubernetes) || die "apt-get source kubernetes failed"
  local extracted
  extracted=$(find "${WORK_DIR}/fetch" -mindepth 1 -maxdepth 1 -type d -name 'kubernetes-*' | head -n1)
  [[ -n "${extracted}" && -f "${extracted}/Makefile" ]] || die "apt-get source did not produce a kubernetes-* source tree"
  mv "${extracted}" "${SRC_DIR}"
  rm -rf "${WORK_DIR}/fetch"
  touch "${SRC_DIR}/.ccapi-source-complete"
fi
# The source tarball is a 'git archive' export: the version is baked into hack/lib/version.sh.
grep -q "tag: v${K8S_VERSION}'" "${SRC_DIR}/hack/lib/version.sh" \
  || die "the Debian kubernetes source is not v${K8S_VERSION} (see ${SRC_DIR}/hack/lib/version.sh)"

# ---------------------------------------------------------------------------
# 2. replace vendored json-iterator + reflect2 (crash at runtime with Go >= 1.18)
# ---------------------------------------------------------------------------
replace_vendored() {
  local pkg="$1" from="/usr/share/gocode/src/$1" to="${SRC_DIR}/vendor/$1"
  [[ -f "${from}/go.mod" || -n "$(ls "${from}"/*.go 2>/dev/null)" ]] || die "missing ${from} (Debian package not installed?)"
  rm -rf "${to}"
  mkdir -p "${to}"
  # Only the package directory itself is imported by Kubernetes; skip tests and sub-dirs.
  find "${from}" -maxdepth 1 -type f \( -name '*.go' -o -name '*.s' -o -name 'LICENSE*' \) \
       ! -name '*_test.go' -exec cp {} "${to}/" \;
  log "vendor/${pkg} <- ${from}"
}
replace_vendored github.com/modern-go/reflect2
replace_vendored github.com/json-iterator/go

# ---------------------------------------------------------------------------
# 3. build (GOPATH mode: hack/lib/init.sh forces GO111MODULE=off, vendor/ is used)
# ---------------------------------------------------------------------------
log "building cmd/kube-apiserver and cmd/kubectl (takes several minutes on 2 cores)"
BUILD_START=$(date +%s)
if ! (
  cd "${SRC_DIR}"
  unset GOFLAGS GOPATH GOROOT GOBIN
  # (hack/lib/golang.sh puts GOPATH and GOCACHE under _output/local/go, so a
  #  re-run after a failed build resumes from the cache in the source tree.)
  export GOPROXY=off
  export CGO_ENABLED=0
  export HOME="${WORK_DIR}/home"   # keep the build from writing into the real $HOME
  mkdir -p "${HOME}"
  make WHAT="cmd/kube-apiserver cmd/kubectl"
) 2>&1 | tee "${WORK_DIR}/build.log" | sed -u 's/^/    /'; then
  die "build failed; see ${WORK_DIR}/build.log (re-run to retry: source tree and Go cache are kept)"
fi
log "build finished in $(( $(date +%s) - BUILD_START ))s"

OUT_DIR=""
for d in "${SRC_DIR}/_output/local/bin/linux/amd64" "${SRC_DIR}/_output/bin"; do
  if [[ -x "${d}/kube-apiserver" && -x "${d}/kubectl" ]]; then OUT_DIR="$d"; break; fi
done
[[ -n "${OUT_DIR}" ]] || die "built binaries not found under ${SRC_DIR}/_output"
}

# ---------------------------------------------------------------------------
# 4. install into the target dir (staged, then moved into place)
# ---------------------------------------------------------------------------
if [[ "${FORCE}" == 0 ]] && k8s_binaries_ok; then
  # e.g. a previous run died after the build, or etcd was removed: no rebuild needed.
  log "kube-apiserver and kubectl v${K8S_VERSION} already in ${TARGET_DIR}; skipping the build"
  apt_install etcd-server
  INSTALL=(etcd)
else
  build_k8s
  INSTALL=("${BINARIES[@]}")
fi
[[ -x /usr/bin/etcd ]] || die "/usr/bin/etcd missing (etcd-server package)"
mkdir -p "${TARGET_DIR}"
STAGE=$(mktemp -d "${TARGET_DIR}/.stage.XXXXXX")
install -m 0755 /usr/bin/etcd "${STAGE}/etcd"
"${STAGE}/etcd" --version >/dev/null || die "etcd does not run"
if [[ -n "${OUT_DIR}" ]]; then
  install -m 0755 "${OUT_DIR}/kube-apiserver" "${STAGE}/kube-apiserver"
  install -m 0755 "${OUT_DIR}/kubectl"        "${STAGE}/kubectl"
  "${STAGE}/kube-apiserver" --version | grep -q "v${K8S_VERSION}\b" \
    || die "built kube-apiserver reports '$("${STAGE}/kube-apiserver" --version 2>&1)', expected v${K8S_VERSION}"
  "${STAGE}/kubectl" version --client >/dev/null || die "built kubectl does not run"
fi
for b in "${INSTALL[@]}"; do mv -f "${STAGE}/${b}" "${TARGET_DIR}/${b}"; done

installed_ok || die "installation in ${TARGET_DIR} failed its self-check"
log "installed into ${TARGET_DIR} in $(( $(date +%s) - START_TS ))s total"
print_installed

if [[ "${KEEP_BUILD}" == 0 && -n "${OUT_DIR}" ]]; then
  log "removing build dir ${WORK_DIR} (use --keep-build to keep it)"
  rm -rf "${WORK_DIR:?}/kubernetes" "${WORK_DIR:?}/home" "${WORK_DIR:?}/fetch"
fi

[[ "${SMOKE}" == 1 ]] && smoke_test
exit 0
