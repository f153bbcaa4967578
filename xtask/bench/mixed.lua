-- Mixed read/write load for `cargo xtask bench`: of every four requests one creates an image,
-- one patches a fixed image (its id is the script's argument) and two list a page.
local counter = 0
local image_id = nil

function init(args)
  image_id = args[1]
end

function request()
  counter = counter + 1
  local headers = { ["X-Auth-Token"] = "demo-token-a" }
  local kind = counter % 4
  if kind == 0 then
    headers["Content-Type"] = "application/json"
    return wrk.format("POST", "/v2/images", headers, '{"name":"bench-' .. counter .. '"}')
  elseif kind == 1 then
    headers["Content-Type"] = "application/openstack-images-v2.1-json-patch"
    local body = '[{"op":"add","path":"/bench_counter","value":"' .. counter .. '"}]'
    return wrk.format("PATCH", "/v2/images/" .. image_id, headers, body)
  else
    return wrk.format("GET", "/v2/images?limit=20", headers)
  end
end
