-- A token bucket, read and updated in one atomic step (Redis runs a script without interleaving).
-- KEYS[1]  the bucket (a hash: tokens, at)
-- ARGV[1]  capacity: the burst a client may send at once
-- ARGV[2]  refill rate in tokens per second (may be fractional)
-- ARGV[3]  cost of this request in tokens
-- ARGV[4]  tokens to take ahead as well, when the bucket holds them (an instance's lease; 0: none)
-- Returns {allowed 1|0, tokens left (whole), ms until a request of this cost could pass, ms until
--          full, tokens taken ahead}
local capacity = tonumber(ARGV[1])
local per_ms = tonumber(ARGV[2]) / 1000
local cost = tonumber(ARGV[3])
local ahead = tonumber(ARGV[4]) or 0

-- Redis's own clock: every app instance sees the same time, whatever its own clock says.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)

local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
if now > at then
  tokens = math.min(capacity, tokens + (now - at) * per_ms)
end

local allowed = 0
local retry_ms = 0
local taken_ahead = 0
if tokens >= cost then
  tokens = tokens - cost
  allowed = 1
  -- Never more than the bucket holds: a lease cannot overdraw it, only take what is there.
  taken_ahead = math.min(ahead, math.floor(tokens))
  tokens = tokens - taken_ahead
else
  retry_ms = math.ceil((cost - tokens) / per_ms)
end
local full_ms = math.ceil((capacity - tokens) / per_ms)

redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
-- Once full again the bucket is indistinguishable from a missing one, so let it expire then.
redis.call('PEXPIRE', KEYS[1], full_ms + 1000)
return {allowed, math.floor(tokens), retry_ms, full_ms, taken_ahead}
