-- Run by lua.sh.
print(7 // 2, 7 % -3, -7 // 2, 7 / 2, 2^53, math.maxinteger, math.mininteger, math.maxinteger + 1 == math.mininteger)
print(3 & 5, 3 | 5, 3 ~ 5, ~0, 1 << 62, 1 << 64, -1 >> 60)
print(math.floor(-2.5), math.ceil(-2.5), math.fmod(-7, 3), math.tointeger(3.0), math.type(1), math.type(1.0), math.type("1"))
print(string.format("%.3f %5d %-5s| %x %g %g %q", math.pi, 42, "ab", 255, 1e20, 0.1, "a\nb"))
print(0.1 + 0.2 == 0.3, 0.1 + 0.2, 1e308 * 10, -(0/0) ~= -(0/0), 10 // 0.0, math.huge)
local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
print(fact(20), fact(25), fact(21.0))
local s = "The quick brown fox jumps over the lazy dog"
print(#s, s:upper(), s:sub(5, 9), s:rep(2, "|"):len(), s:reverse():sub(1, 8))
print(s:find("fox"), s:match("(%a+) dog"), select(2, s:gsub("o", "0")), s:gsub("%w+", function(w) return #w end))
local words = {}
for w in s:gmatch("%a+") do words[#words + 1] = w:lower() end
table.sort(words, function(a, b) if #a ~= #b then return #a < #b end return a < b end)
print(table.concat(words, ","))
local counts = {}
for c in s:lower():gmatch("%a") do counts[c] = (counts[c] or 0) + 1 end
local letters = {}
for c, n in pairs(counts) do if n >= 3 then letters[#letters + 1] = c .. n end end
table.sort(letters)
print(table.concat(letters, " "))
local function counter() local n = 0 return function() n = n + 1 return n end end
local c1, c2 = counter(), counter()
c1(); c1()
print(c1(), c2())
local gen = coroutine.wrap(function() for i = 1, 5 do coroutine.yield(i * i) end end)
local squares = {}
for _ = 1, 5 do squares[#squares + 1] = gen() end
print(table.concat(squares, " "))
local t = setmetatable({}, {__index = function(_, k) return k * 2 end})
print(t[21], rawget(t, 21), #{1, 2, 3, nil}, select("#", 1, nil, 3))
print(tostring(nil), tonumber("0x10"), tonumber("  12  "), tonumber("1e2"), tonumber("z", 36), ("%d"):format(3.0))
local ok, err = pcall(function() error({code = 42}) end)
print(ok, type(err), err.code)
local sum = 0
for i = 1, 1000000 do sum = sum + i % 7 end
print(sum, utf8.char(72, 228, 8364), utf8.len("häll€"))
