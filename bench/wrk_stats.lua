-- wrk script for bench/load.py: counts responses by status in every thread, and at the end prints one line
-- "JSON {...}" with requests, bytes, latency percentiles (microseconds), socket errors and the status counts.
threads = {}

setup = function(thread)
  table.insert(threads, thread)
end

init = function(args)
  counts = {}
end

response = function(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end

done = function(summary, latency, requests)
  local statuses = {}
  for _, thread in ipairs(threads) do
    local thread_counts = thread:get("counts")
    if thread_counts then
      for status, number in pairs(thread_counts) do
        statuses[status] = (statuses[status] or 0) + number
      end
    end
  end
  local parts = {}
  for status, number in pairs(statuses) do
    table.insert(parts, string.format('"%d": %d', status, number))
  end
  local errors = summary.errors
  io.write(string.format(
    'JSON {"requests": %d, "duration_us": %d, "bytes": %d, "mean_us": %.1f, "p50_us": %d, "p95_us": %d, '
      .. '"p99_us": %d, "max_us": %d, "errors": {"connect": %d, "read": %d, "write": %d, "timeout": %d, '
      .. '"status": %d}, "statuses": {%s}}\n',
    summary.requests, summary.duration, summary.bytes, latency.mean,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    errors.connect, errors.read, errors.write, errors.timeout, errors.status,
    table.concat(parts, ", ")
  ))
end
