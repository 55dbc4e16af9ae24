-- Drives Neovim 0.11 for tests/editors/test_neovim.py with nothing but lsp/gitlab_lsp.lua:
-- 0.11 has no inline completion, so the file turns on vim.lsp.completion. Like a user: go to
-- the end of the function header in insert mode, <C-x><C-o>, accept the first item with
-- <C-y>, read the buffer. Results go to $GITLAB_LSP_TEST_OUT as JSON.

local out = assert(vim.env.GITLAB_LSP_TEST_OUT)
local TIMEOUT = 40000
local bufnr = vim.api.nvim_get_current_buf()
local v = vim.version()
local results = { version = ('%d.%d'):format(v.major, v.minor) }

local function finish(err)
  results.error = err
  -- Did the config tell the server which document is in front, for the first buffer too?
  local log = io.open(vim.lsp.get_log_path(), 'r')
  local sent = log and log:read('*a') or ''
  if log then
    log:close()
  end
  results.active_editor_sent = sent:find('didChangeDocumentInActiveEditor', 1, true) ~= nil
  local f = assert(io.open(out, 'w'))
  f:write(vim.json.encode(results))
  f:close()
  vim.cmd('qall!')
end

local function client()
  return vim.lsp.get_clients({ bufnr = bufnr, name = 'gitlab_lsp' })[1]
end

if not vim.wait(TIMEOUT, function()
  local c = client()
  return c ~= nil and c.initialized == true
end, 50) then
  return finish('gitlab_lsp did not attach')
end
local c = client()
results.completion_provider = c.server_capabilities.completionProvider ~= nil
results.inline_provider = c.server_capabilities.inlineCompletionProvider ~= nil
results.omnifunc = vim.bo[bufnr].omnifunc

-- Show the menu for a single item too (the default shows none and inserts it at once).
vim.o.completeopt = 'menuone'
local before = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
local started = vim.uv.now()
local stage = 'ask'
local timer = assert(vim.uv.new_timer())
timer:start(200, 50, vim.schedule_wrap(function()
  if vim.uv.now() - started > TIMEOUT then
    timer:stop()
    return finish('stuck at ' .. stage)
  end
  if stage == 'ask' then
    if vim.api.nvim_get_mode().mode ~= 'i' then
      return
    end
    stage = 'menu'
    vim.api.nvim_feedkeys(vim.keycode('<C-x><C-o>'), 'n', false)
  elseif stage == 'menu' then
    if vim.fn.pumvisible() == 1 then
      results.items = #vim.fn.complete_info({ 'items' }).items
      stage = 'accepted'
      vim.api.nvim_feedkeys(vim.keycode('<C-y>'), 'n', false)
    end
  elseif stage == 'accepted' then
    local now = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
    if now ~= before and vim.fn.pumvisible() == 0 then
      timer:stop()
      results.buffer = now
      -- A NUL inside a line reads back as "\n" too: count the real lines.
      results.lines = vim.api.nvim_buf_line_count(bufnr)
      finish(nil)
    end
  end
end))

vim.api.nvim_win_set_cursor(0, { vim.api.nvim_buf_line_count(bufnr), 0 })
vim.cmd('startinsert!')
