-- wrk script: requests the paths listed one per line in the file named by the PATHS environment
-- variable, in order, each thread starting at a different line, so every run sends the same mix.
-- Counts non-2xx/3xx answers, which wrk alone reports only as a total, and prints them at the end.
local paths = {}
local file = assert(io.open(os.getenv("PATHS") or "paths.txt", "r"))
for line in file:lines() do
  if line ~= "" and line:sub(1, 1) ~= "#" then
    paths[#paths + 1] = line
  end
end
file:close()
assert(#paths > 0, "no paths")

local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  index = (id * 7919) % #paths
  failures = 0
end

function request()
  index = index % #paths + 1
  return wrk.format("GET", paths[index], { ["Accept-Language"] = "en" })
end

function response(status, headers, body)
  if status >= 400 then
    failures = failures + 1
  end
end

function done(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do
    failed = failed + (thread:get("failures") or 0)
  end
  io.write(string.format("RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f errors=%d non2xx=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    failed))
end
