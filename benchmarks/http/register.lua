-- POST register with a new address every request (the throttle allows one mail per account per minute, and an address
-- registered again takes another path), unique across threads and across runs (RUN, from the environment).
local run = os.getenv("RUN") or "0"
local threads = 0

function setup(thread)
    threads = threads + 1
    thread:set("id", threads)
end

function init(args)
    n = 0
    prefix = '{"email":"r' .. run .. "-" .. id .. "-"
end

function request()
    n = n + 1
    return wrk.format("POST", nil, { ["Content-Type"] = "application/json" },
        prefix .. n .. '@example.com","password":"correct horse battery"}')
end
