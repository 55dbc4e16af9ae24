"""Labelled intent cases for Lua (corpus part B).

Comment syntaxes: `--` and `--[[ ... ]]` (also `--[==[ ... ]==]`). Function bodies end with
`end`; `if`/`for`/`while`/`do` blocks and table constructors are not function bodies.
"""

from _helpers import Cases, crlf

case = Cases("lua")


CASES = [
    # --- comment -------------------------------------------------------------------------
    case.comment(
        "comment/neovim-keymap",
        "lua/user/keymaps.lua",
        r"""local map = vim.keymap.set
local opts = { noremap = true, silent = true }

map("n", "<leader>w", "<cmd>write<cr>", opts)
map("n", "<leader>q", "<cmd>quit<cr>", opts)
map("n", "<C-h>", "<C-w>h", opts)

-- map <leader>f to telescope's find_files, searching hidden files too
█
""",
        "map <leader>f to telescope's find_files, searching hidden files too",
    ),
    case.comment(
        "comment/in-function",
        "src/inventory.lua",
        r"""local Inventory = {}
Inventory.__index = Inventory

function Inventory.new()
  return setmetatable({ items = {}, count = 0 }, Inventory)
end

function Inventory:add(item, qty)
  qty = qty or 1
  -- stack the item onto an existing slot with the same id, otherwise open a new slot

  █
end

return Inventory
""",
        "stack the item onto an existing slot with the same id, otherwise open a new slot",
    ),
    # --- multiline-comment -----------------------------------------------------------------
    case.comment(
        "multiline-comment/line-comments",
        "game/physics.lua",
        r"""local Physics = {}

local GRAVITY = 9.81
local MAX_SPEED = 400

function Physics.apply_gravity(body, dt)
  body.vy = math.min(body.vy + GRAVITY * dt, MAX_SPEED)
end

-- Check whether two axis-aligned boxes overlap.
-- Each box is a table with x, y, w and h fields;
-- return true and the overlap depth on both axes.
█

return Physics
""",
        "Check whether two axis-aligned boxes overlap.\n"
        "Each box is a table with x, y, w and h fields;\n"
        "return true and the overlap depth on both axes.",
    ),
    case.comment(
        "multiline-comment/long-bracket",
        "lua/plugins/statusline.lua",
        r"""local M = {}

local modes = {
  n = "NORMAL",
  i = "INSERT",
  v = "VISUAL",
}

--[[
  Build the statusline string: mode name on the left,
  file name and modified flag in the middle, line:column on the right.
]]
█

return M
""",
        "Build the statusline string: mode name on the left,\n"
        "file name and modified flag in the middle, line:column on the right.",
    ),
    # --- non-english -------------------------------------------------------------------------
    case.comment(
        "non-english/spanish",
        "src/utils/strings.lua",
        r"""local strings = {}

function strings.trim(s)
  return (s:gsub("^%s+", ""):gsub("%s+$", ""))
end

function strings.starts_with(s, prefix)
  return s:sub(1, #prefix) == prefix
end

-- divide la cadena por el separador y devuelve una tabla con las partes
█

return strings
""",
        "divide la cadena por el separador y devuelve una tabla con las partes",
    ),
    case.comment(
        "non-english/chinese-long-bracket",
        "scripts/redis/rate_limit.lua",
        r"""local key = KEYS[1]
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local now = tonumber(ARGV[3])

redis.call("ZREMRANGEBYSCORE", key, 0, now - window)

--[[ 统计窗口内的请求数，超过限制返回 0，否则记录本次请求并返回 1 ]]
█
""",
        "统计窗口内的请求数，超过限制返回 0，否则记录本次请求并返回 1",
    ),
    # --- on-comment ------------------------------------------------------------------------
    case.completion(
        "on-comment/end-of-comment",
        "lua/user/options.lua",
        r"""local opt = vim.opt

opt.number = true
opt.relativenumber = true
opt.tabstop = 2
opt.shiftwidth = 2
-- use the system clipboard for yank and█
""",
    ),
    case.completion(
        "on-comment/inside-long-bracket",
        "lua/user/options.lua",
        r"""local opt = vim.opt

--[[
  Editor options. Keep these█ sorted.
]]
opt.number = true
opt.relativenumber = true
opt.tabstop = 2
opt.shiftwidth = 2
""",
    ),
    case.completion(
        "on-comment/trailing-comment",
        "conf.lua",
        r"""function love.conf(t)
  t.window.title = "Dungeon"
  t.window.width = 1280
  t.window.height = 720█ -- 16:9
  t.window.vsync = 1
  t.console = false
end
""",
    ),
    # --- commented-out-code ----------------------------------------------------------------
    case.completion(
        "commented-out-code/print-calls",
        "main.lua",
        r"""local Player = require("player")
local World = require("world")

function love.update(dt)
  World.update(dt)
  Player.update(dt)
  -- print("fps", love.timer.getFPS())
  -- Player.debug = true
  █
end
""",
    ),
    # --- directive -------------------------------------------------------------------------
    case.completion(
        "directive/luacheck",
        "src/compat.lua",
        r"""local compat = {}

compat.unpack = table.unpack or unpack
compat.loadstring = loadstring or load
compat.setfenv = setfenv
compat.getfenv = getfenv

-- luacheck: globals jit
█

return compat
""",
    ),
    case.completion(
        "directive/lua-ls-diagnostic",
        "lua/user/lsp.lua",
        r"""local lspconfig = require("lspconfig")
local util = require("lspconfig.util")
local capabilities = require("cmp_nvim_lsp").default_capabilities()

lspconfig.lua_ls.setup({
  capabilities = capabilities,
  root_dir = util.root_pattern(".git"),
})

---@diagnostic disable-next-line: undefined-global
█
""",
        note="a lua-language-server annotation is a tool directive",
    ),
    # --- header ----------------------------------------------------------------------------
    case.completion(
        "header/shebang",
        "bin/wordcount.lua",
        r"""#!/usr/bin/env lua
█
local counts = {}
for line in io.lines(arg[1]) do
  for word in line:gmatch("%a+") do
    counts[word:lower()] = (counts[word:lower()] or 0) + 1
  end
end
print(#counts)
""",
    ),
    case.completion(
        "header/mit-license",
        "src/json.lua",
        r"""--
-- json.lua
--
-- Copyright (c) 2024 Acme Games
--
-- Permission is hereby granted, free of charge, to any person obtaining a copy of
-- this software, under the terms of the MIT license.
--

█
local json = { _version = "0.1.2" }

local escape_char_map = {
  ["\\"] = "\\",
  ["\""] = "\"",
}

return json
""",
    ),
    # --- separator -------------------------------------------------------------------------
    case.completion(
        "separator/dashes",
        "src/ui/menu.lua",
        r"""local Menu = {}
Menu.__index = Menu

function Menu.new(items)
  return setmetatable({ items = items, selected = 1 }, Menu)
end

------------------------------------------------------------------------------
█

return Menu
""",
    ),
    # --- short-comment ---------------------------------------------------------------------
    case.completion(
        "short-comment/question-mark",
        "src/ui/menu.lua",
        r"""local Menu = {}
Menu.__index = Menu

function Menu:next()
  self.selected = self.selected % #self.items + 1
  -- ??
  █
end

return Menu
""",
    ),
    # --- empty-function --------------------------------------------------------------------
    case.empty_function(
        "empty-function/module-function",
        "src/event_bus.lua",
        r"""local EventBus = {}
EventBus.__index = EventBus

function EventBus.new()
  return setmetatable({ handlers = {} }, EventBus)
end

function EventBus:emit(name, ...)
  █
end

return EventBus
""",
    ),
    case.empty_function(
        "empty-function/callback-argument",
        "lua/user/autocmds.lua",
        r"""local group = vim.api.nvim_create_augroup("UserConfig", { clear = true })

vim.api.nvim_create_autocmd("TextYankPost", {
  group = group,
  callback = function()
    █
  end,
})
""",
        note="an anonymous function in a table field; six code lines, so not a small file",
    ),
    case.empty_function(
        "empty-function/local-function",
        "src/path.lua",
        r"""local path = {}

local sep = package.config:sub(1, 1)

local function normalize(p)
█
end

function path.join(...)
  return normalize(table.concat({ ... }, sep))
end

return path
""",
    ),
    # --- empty-block -----------------------------------------------------------------------
    case.completion(
        "empty-block/if-then",
        "src/save.lua",
        r"""local Save = {}

function Save.load(filename)
  local file = io.open(filename, "r")
  if not file then
    █
  end
  local data = file:read("a")
  file:close()
  return data
end

return Save
""",
        note="an empty if block inside a function that has a statement: rule 5 does not apply",
    ),
    case.completion(
        "empty-block/table-constructor",
        "src/config.lua",
        r"""local config = {
  width = 800,
  height = 600,
}

config.keys = {
  █
}

return config
""",
        note="a table constructor is not a function body",
    ),
    # --- small-file ------------------------------------------------------------------------
    case.small_file(
        "small-file/requires-only",
        "lua/user/init.lua",
        r"""require("user.options")
require("user.keymaps")
█
""",
    ),
    case.small_file(
        "small-file/empty-function-in-small-file",
        "lua/user/health.lua",
        r"""local M = {}

function M.check()
  █
end
""",
        note="three code lines: rule 4 (small file) comes before rule 5",
    ),
    # --- completion ------------------------------------------------------------------------
    case.completion(
        "completion/method-call",
        "src/shop.lua",
        r"""local Shop = {}

function Shop:buy(player, item)
  if player.gold < item.price then
    return false
  end
  player.gold = player.gold - item.price
  player.inventory:█
end

return Shop
""",
    ),
    case.completion(
        "completion/argument-list",
        "src/shop.lua",
        r"""local Shop = {}

function Shop:restock()
  for _, item in ipairs(self.items) do
    item.stock = math.max(item.stock, █)
  end
end

return Shop
""",
    ),
    # --- docstring -------------------------------------------------------------------------
    case.comment(
        "docstring/ldoc-block",
        "src/vector.lua",
        r"""local Vector = {}
Vector.__index = Vector

function Vector.new(x, y)
  return setmetatable({ x = x, y = y }, Vector)
end

--[[
  Returns the length of the vector.
  Uses math.sqrt of the squared components.
]]
█

return Vector
""",
        "Returns the length of the vector.\nUses math.sqrt of the squared components.",
    ),
    # --- scope -----------------------------------------------------------------------------
    case.completion(
        "scope/comment-in-closed-function",
        "src/timer.lua",
        r"""local Timer = {}
Timer.pending = {}

function Timer.after(delay, fn)
  table.insert(Timer.pending, { at = os.clock() + delay, fn = fn })
  -- sort pending timers by deadline
end
█

return Timer
""",
    ),
    case.completion(
        "scope/comment-above-cursor-below-code",
        "src/timer.lua",
        r"""local Timer = { pending = {} }
local clock = os.clock

-- run every timer whose deadline has passed
function Timer.update()
  local now = clock()
  █
end

return Timer
""",
        note="the function line separates the comment from the cursor; the body is not empty (local now)",
    ),
    # --- unicode ---------------------------------------------------------------------------
    case.completion(
        "unicode/emoji-string",
        "src/chat.lua",
        r"""local Chat = {}

function Chat.greet(player)
  local msg = "🎉 ようこそ, " .. player.name
  Chat.broadcast(msg, █)
end

return Chat
""",
    ),
    # --- crlf ------------------------------------------------------------------------------
    case.comment(
        "crlf/comment",
        "src/queue.lua",
        crlf(
            r"""local Queue = {}
Queue.__index = Queue

function Queue.new()
  return setmetatable({ first = 1, last = 0, items = {} }, Queue)
end

-- pop the first item, returning nil when the queue is empty
█

return Queue
"""
        ),
        "pop the first item, returning nil when the queue is empty",
    ),
    # --- edge cases --------------------------------------------------------------------------
    case.comment(
        "directive/with-prose",
        "src/compat.lua",
        r"""local compat = {}

compat.unpack = table.unpack or unpack
compat.pack = table.pack or function(...) return { n = select("#", ...), ... } end

-- luacheck: push ignore 212
-- return a shallow copy of the table t
█

return compat
""",
        "return a shallow copy of the table t",
        note="the luacheck directive line is dropped from the block",
    ),
    case.small_file(
        "separator/around-instruction",
        "src/ui/hud.lua",
        r"""local Hud = {}

local font = love.graphics.newFont(14)

--------------------------------------------------------------------------------
-- draw the player's health as a row of hearts in the top-left corner
--------------------------------------------------------------------------------
█

return Hud
""",
        note="team precision 2 (rule 2): the block's last line is a separator (no letter or digit), an empty comment, so no instruction lies directly above the cursor; rule 4 then applies",
    ),
    case.comment(
        "small-file/comment-wins",
        "lua/user/colors.lua",
        r"""-- set the colorscheme to tokyonight and make the background transparent
█
""",
        "set the colorscheme to tokyonight and make the background transparent",
        note="a small file, but rule 2 comes before rule 4",
    ),
    case.completion(
        "completion/cursor-line-not-blank",
        "src/ui/hud.lua",
        r"""local Hud = {}

local font = love.graphics.newFont(14)

function Hud.draw(player)
  -- draw the score in the top-right corner
  love.graphics.print(player.score, █)
end

return Hud
""",
        note="the cursor line holds code, so the comment above is not an instruction for it",
    ),
]
