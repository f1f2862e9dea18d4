-- wrk script of scripts/benchmark.sh. Sends $BENCH_AUTHORIZATION as the Authorization header when
-- it is set (the service's order list needs a customer's token), and ends with one line the
-- script reads: the 2xx/3xx answers per second (a refused or failed request is not throughput),
-- how many failed, and the latency percentiles.
local authorization = os.getenv("BENCH_AUTHORIZATION")
if authorization ~= nil and authorization ~= "" then
  wrk.headers["Authorization"] = authorization
end

function done(summary, latency, requests)
  local errors = summary.errors
  local failed = errors.status + errors.connect + errors.read + errors.write + errors.timeout
  local answered = summary.requests - errors.status
  io.write(string.format("bench-result ok_per_second=%.0f failed=%d p50_ms=%.2f p99_ms=%.2f\n",
    answered / (summary.duration / 1e6), failed, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000))
end
