-- Drives Neovim 0.12+ for tests/editors/test_neovim.py with nothing but lsp/gitlab_lsp.lua and
-- Neovim's own inline completion: wait for the client, enter insert mode at the end of the
-- last line as a user would, let vim.lsp.inline_completion ask by itself, read the ghost
-- text it draws, accept it with <Tab> (stock Neovim maps <Tab> too), read the buffer.
-- Everything is bounded; the results go to $GITLAB_LSP_TEST_OUT as JSON.

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
results.inline_provider = c.server_capabilities.inlineCompletionProvider ~= nil
results.inline_enabled = vim.lsp.inline_completion.is_enabled({ bufnr = bufnr })
results.settings_keys = vim.tbl_keys(c.settings.gitlab or {})
table.sort(results.settings_keys)

local ns = vim.api.nvim_get_namespaces()['nvim.lsp.inline_completion']
local before = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')

-- Poll from the main loop (insert mode only takes effect once this script has returned).
local started = vim.uv.now()
local accepted = false
local timer = assert(vim.uv.new_timer())
timer:start(100, 50, vim.schedule_wrap(function()
  if vim.uv.now() - started > TIMEOUT then
    timer:stop()
    return finish(accepted and 'the accepted text never reached the buffer'
      or 'no ghost text was shown')
  end
  if not accepted then
    local marks = ns and vim.api.nvim_buf_get_extmarks(bufnr, ns, 0, -1, { details = true }) or {}
    if #marks == 0 then
      return
    end
    local ghost = {}
    for _, chunk in ipairs(marks[1][4].virt_text or {}) do
      ghost[#ghost + 1] = chunk[1]
    end
    results.ghost = table.concat(ghost)
    results.mode = vim.api.nvim_get_mode().mode
    -- Accept with the key the config maps (<Tab>), through the mappings, as typed.
    vim.api.nvim_feedkeys(vim.keycode('<Tab>'), 'm', false)
    accepted = true
    return
  end
  local now = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  if now ~= before then
    timer:stop()
    results.buffer = now
    finish(nil)
  end
end))

-- Like a user who goes to the end of the last line and starts typing there.
vim.api.nvim_win_set_cursor(0, { vim.api.nvim_buf_line_count(bufnr), 0 })
vim.cmd('startinsert!')
