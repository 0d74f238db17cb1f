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
ACCESS_LOG=var/stack/log/nginx-access.log
logged_before="$(wc -l <"$ACCESS_LOG" 2>/dev/null || echo 0)"
status=0
wrk --threads "${LOADTEST_THREADS:-2}" --connections "${LOADTEST_CONNECTIONS:-64}" \
    --duration "${LOADTEST_DURATION:-60s}" --timeout 10s --latency \
    --script ops/loadtest/mix.lua "http://127.0.0.1:${LOADTEST_PORT:-8080}" || status=$?
# Who answered: nginx's micro-cache (proxy_cache=) and, behind it, the app's page cache (cache=, its X-Cache).
if [ -f "$ACCESS_LOG" ]; then
    tail -n "+$((logged_before + 1))" "$ACCESS_LOG" | awk '
        {
            proxy = ""; app = ""
            for (i = 1; i <= NF; i++) {
                split($i, kv, "=")
                if (kv[1] == "proxy_cache") proxy = kv[2]
                if (kv[1] == "cache") app = kv[2]
            }
            p[proxy == "" || proxy == "-" ? "none" : proxy]++
            if (proxy != "HIT") a[app == "" || app == "-" ? "none" : app]++  # the requests that reached the app
        }
        END {
            line = "nginx cache"; for (k in p) line = line sprintf("  %s %d", k, p[k]); print line
            line = "app cache  "; for (k in a) line = line sprintf("  %s %d", k, a[k]); print line " (requests nginx passed on)"
        }'
fi
exit "$status"
