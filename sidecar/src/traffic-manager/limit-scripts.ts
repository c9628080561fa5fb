/**
 * The Lua scripts the traffic manager runs in Redis. Each runs atomically on the server, so replicas never
 * interleave between a check and its write: that is what makes the shared limits exact.
 *
 * Both keys of a subscription carry the same hash tag (`{app|api}`), so a script's keys live on one Redis Cluster
 * slot. Times are microseconds; stored times are written with `%.3f` because Lua 5.1's default number-to-string
 * keeps 14 digits, which would round a 16-digit microsecond time by 100 us on every write.
 */

/**
 * One request's decision. KEYS: rate cell (hash tat, iv), quota hash (total, outside, n:<node>).
 * ARGV: interval us (0: no rate), tolerance us, quota (0: none), quota expiry (epoch ms), node field, now override
 * in us ('' in production: the server's TIME decides, so the replicas' clocks do not matter).
 * Returns { verdict (0 admitted, 1 over the rate, 2 over the quota), remaining, retryAfter us, reset us, used }.
 *
 * The quota is looked at first and a request it refuses takes no rate token; a request the rate refuses is not
 * counted against the quota (the rule of the local limiter, tier-limiter.ts).
 */
export const DECIDE_SCRIPT = `
local now
if ARGV[6] ~= '' then
  now = tonumber(ARGV[6])
else
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000000 + tonumber(t[2])
end
local interval = tonumber(ARGV[1])
local tolerance = tonumber(ARGV[2])
local quota = tonumber(ARGV[3])
local used = 0
if quota > 0 then
  local q = redis.call('HMGET', KEYS[2], 'total', 'outside')
  used = (tonumber(q[1]) or 0) + (tonumber(q[2]) or 0)
  if used >= quota then return {2, 0, 0, 0, used} end
end
local remaining, reset = 0, 0
if interval > 0 then
  local cell = redis.call('HMGET', KEYS[1], 'tat', 'iv')
  local tat = tonumber(cell[1]) or now
  local iv = tonumber(cell[2]) or interval
  if iv ~= interval then
    -- The limit changed: carry over the requests already counted, not the time they were worth at the old rate.
    tat = now + math.max(tat - now, 0) / iv * interval
  end
  if tat < now then tat = now end
  local nxt = tat + interval
  local allowAt = nxt - tolerance - interval
  if allowAt > now then return {1, 0, math.ceil(allowAt - now), math.ceil(tat - now), used} end
  redis.call('HSET', KEYS[1], 'tat', string.format('%.3f', nxt), 'iv', string.format('%.3f', interval))
  redis.call('PEXPIRE', KEYS[1], math.ceil((nxt - now) / 1000) + 1000)
  remaining = math.floor((tolerance + interval - (nxt - now)) / interval)
  reset = math.ceil(nxt - now)
end
if quota > 0 then
  -- The expiry is set when the hash is created (whichever script creates it), not on every request.
  if redis.call('HINCRBY', KEYS[2], 'total', 1) == 1 then redis.call('PEXPIREAT', KEYS[2], ARGV[4]) end
  redis.call('HINCRBY', KEYS[2], ARGV[5], 1)
  used = used + 1
end
return {0, remaining, 0, reset, used}
`;

/**
 * Raises this node's share of a quota hash to what the node counted itself (its ledger), adding the difference to
 * the total. Idempotent, so it can run after every reconnection: it restores the count after Redis lost its data,
 * and adds what the node admitted on its local fallback. KEYS: quota hash. ARGV: node field, node's count, expiry ms.
 */
export const RAISE_NODE_COUNT_SCRIPT = `
local have = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
local want = tonumber(ARGV[2])
if want > have then
  redis.call('HINCRBY', KEYS[1], 'total', want - have)
  redis.call('HSET', KEYS[1], ARGV[1], want)
  redis.call('PEXPIREAT', KEYS[1], ARGV[3])
end
return have
`;

/**
 * Records what gateways other than this one used, from the cloud's fleet-wide count: fleet - total is a lower bound
 * of it (the cloud holds no more of this gateway's requests than Redis counted), so the highest seen is kept.
 * KEYS: quota hash. ARGV: fleet-wide count, expiry ms.
 */
export const OBSERVE_FLEET_SCRIPT = `
local q = redis.call('HMGET', KEYS[1], 'total', 'outside')
local outside = tonumber(ARGV[1]) - (tonumber(q[1]) or 0)
if outside > (tonumber(q[2]) or 0) then
  redis.call('HSET', KEYS[1], 'outside', outside)
  redis.call('PEXPIREAT', KEYS[1], ARGV[2])
end
return outside
`;
