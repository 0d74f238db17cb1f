#!/usr/bin/env bash
# `make loadtest`: write the URL list from the stack's database, then drive nginx (127.0.0.1:8080) with wrk for
# LOADTEST_DURATION (60s) over LOADTEST_CONNECTIONS (64) connections, two threads (two cores). Exits non-zero
# when any request failed (ops/loadtest/mix.lua).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
"${VENV:-.venv}/bin/python" ops/loadtest/urls.py
# Warm-up: every distinct URL once, four at a time, as a site that has been up for a while has them in its
# page cache (PAGE_CACHE_SECONDS, 300 s on the stack). LOADTEST_WARMUP=0 measures a cold start instead.
if [ "${LOADTEST_WARMUP:-1}" != 0 ]; then
    SECONDS=0
    sort -u var/stack/loadtest-urls.txt \
        | xargs -P 4 -I{} curl -s -o /dev/null -w "%{http_code}\n" "http://127.0.0.1:${LOADTEST_PORT:-8080}{}" \
        | sort | uniq -c | sed 's/^/== warm-up: status /'
    echo "== warm-up: $(sort -u var/stack/loadtest-urls.txt | wc -l) URLs in ${SECONDS} s"
fi
echo "== loadtest: ${LOADTEST_CONNECTIONS:-64} connections for ${LOADTEST_DURATION:-60s}"
exec wrk --threads "${LOADTEST_THREADS:-2}" --connections "${LOADTEST_CONNECTIONS:-64}" \
    --duration "${LOADTEST_DURATION:-60s}" --timeout 10s --latency \
    --script ops/loadtest/mix.lua "http://127.0.0.1:${LOADTEST_PORT:-8080}"
