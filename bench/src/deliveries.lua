-- wrk script: POSTs the signed deliveries of $BENCH_DELIVERIES in turn (each thread from its own offset).
local deliveries = {}
local file = assert(io.open(os.getenv("BENCH_DELIVERIES"), "r"))
for line in file:lines() do
  local tab = line:find("\t", 1, true)
  deliveries[#deliveries + 1] = { line:sub(1, tab - 1), line:sub(tab + 1) }
end
file:close()

local counter = 0
local threads = 0

function setup(thread)
  thread:set("offset", threads * 1000003)
  threads = threads + 1
end

function request()
  counter = counter + 1
  local d = deliveries[((offset or 0) + counter) % #deliveries + 1]
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json; charset=utf-8",
    ["Stripe-Signature"] = d[1],
    ["User-Agent"] = "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
  }, d[2])
end
