-- wrk script for `make loadtest`: each request is a random line of the URL list that ops/loadtest/urls.py wrote
-- from the stack's database (LOADTEST_URLS, default var/stack/loadtest-urls.txt). At the end, one summary:
-- throughput, p50/p95/p99 and errors (socket errors + answers other than 2xx/3xx); the exit status is 1 when
-- there is any error.

local urls = {}

local function load_urls()
    local path = os.getenv("LOADTEST_URLS") or "var/stack/loadtest-urls.txt"
    local file = assert(io.open(path, "r"), "no URL list at " .. path .. ": run ops/loadtest/urls.py")
    for line in file:lines() do
        if #line > 0 then urls[#urls + 1] = line end
    end
    file:close()
end

-- Each wrk thread has its own Lua state: each loads the list and seeds its own generator.
function init(args)
    load_urls()
    math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
end

function request()
    return wrk.format("GET", urls[math.random(#urls)], { ["Accept-Encoding"] = "gzip" })
end

function done(summary, latency, requests)
    local e = summary.errors
    local socket_errors = e.connect + e.read + e.write + e.timeout
    local errors = socket_errors + e.status
    local seconds = summary.duration / 1e6
    io.write("\n== loadtest summary\n")
    io.write(string.format("requests    %d in %.1f s: %.1f req/s\n", summary.requests, seconds, summary.requests / seconds))
    io.write(string.format("latency     p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms\n",
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
        latency.max / 1000))
    io.write(string.format("errors      %d (connect %d, read %d, write %d, timeout %d, non-2xx/3xx %d)\n",
        errors, e.connect, e.read, e.write, e.timeout, e.status))
    io.flush()
    if errors > 0 then os.exit(1) end
end
