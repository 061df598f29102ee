#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on a free loopback port and prints its DATABASE_URL.
# Usage: export DATABASE_URL="$(apps/full-stack-crud-api/scripts/start-test-postgres.sh)"
# Stop:  apps/full-stack-crud-api/scripts/stop-test-postgres.sh
# Needs the server binaries (Debian: apt-get install -y postgresql). As root, the cluster runs as
# the `postgres` user, because postgres refuses to run as root.
set -euo pipefail

bin_dir="${PG_BIN_DIR:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
if [[ -z "${bin_dir}" || ! -x "${bin_dir}/postgres" ]]; then
  echo "No PostgreSQL server binaries found. Install them: apt-get update && apt-get install -y postgresql" >&2
  exit 1
fi

state_file="${TMPDIR:-/tmp}/full-stack-crud-api-postgres.dir"
cluster_dir="$(mktemp -d "${TMPDIR:-/tmp}/crud-pg.XXXXXX")"

as_owner=()
if [[ "$(id -u)" == "0" ]]; then
  chown postgres: "${cluster_dir}"
  as_owner=(runuser -u postgres --)
fi

# A free port: bind 0 on loopback and read what the kernel chose.
port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"

"${as_owner[@]}" "${bin_dir}/initdb" -D "${cluster_dir}/data" -U crud --auth=trust -E UTF8 --no-locale >/dev/null
"${as_owner[@]}" "${bin_dir}/pg_ctl" -D "${cluster_dir}/data" -l "${cluster_dir}/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories='${cluster_dir}' -c fsync=off" start >/dev/null
"${as_owner[@]}" "${bin_dir}/createdb" -h 127.0.0.1 -p "${port}" -U crud items

echo "${cluster_dir}" >"${state_file}"
echo "PostgreSQL ${bin_dir} on 127.0.0.1:${port} (cluster ${cluster_dir}); stop it with apps/full-stack-crud-api/scripts/stop-test-postgres.sh" >&2
echo "postgresql://crud@127.0.0.1:${port}/items"
