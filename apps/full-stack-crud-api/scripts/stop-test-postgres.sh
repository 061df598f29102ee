#!/usr/bin/env bash
# Stops the cluster start-test-postgres.sh started last and deletes its directory.
set -euo pipefail

state_file="${TMPDIR:-/tmp}/full-stack-crud-api-postgres.dir"
[[ -f "${state_file}" ]] || { echo "No test cluster recorded in ${state_file}." >&2; exit 0; }
cluster_dir="$(cat "${state_file}")"
bin_dir="${PG_BIN_DIR:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"

as_owner=()
[[ "$(id -u)" == "0" ]] && as_owner=(runuser -u postgres --)
"${as_owner[@]}" "${bin_dir}/pg_ctl" -D "${cluster_dir}/data" -m fast -w stop >/dev/null || true
rm -rf "${cluster_dir}" "${state_file}"
echo "Stopped and removed ${cluster_dir}" >&2
