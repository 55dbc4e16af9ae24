-- gitlab-lsp for Neovim 0.7 to 0.10 (it runs on later versions too): starts the server through the built-in LSP client and
-- shows suggestions as ghost text drawn with extmarks, streamed generations included.
-- Neovim 0.12+ users need none of this: see ../../lsp/gitlab_lsp.lua.
--
--   require('gitlab_lsp').setup({ settings = { baseUrl = 'https://gitlab.example.com' } })
--
-- Completion through the client's omnifunc (<C-x><C-o>) works too: the server answers
-- textDocument/completion with items whose insertText is the whole suggestion.

local M = {}

local api = vim.api
local ns = api.nvim_create_namespace('gitlab_lsp_ghost')

local INLINE = 'textDocument/inlineCompletion'
local START_STREAMING = 'gitlab.ls.startStreaming'
local TRIGGER_INVOKED = 1
local TRIGGER_AUTOMATIC = 2

local defaults = {
  cmd = { 'gitlab-lsp', '--stdio' },
  filetypes = {
    'python', 'javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'go', 'rust',
    'ruby', 'java', 'kotlin', 'scala', 'c', 'cpp', 'cs', 'php', 'swift', 'lua', 'sh', 'bash',
    'haskell', 'elixir', 'ocaml', 'perl', 'sql', 'terraform', 'html', 'css', 'scss', 'vue',
    'svelte', 'dart', 'zig', 'yaml', 'toml', 'json', 'powershell',
  },
  root_markers = { '.git' },
  -- Sent as workspace/didChangeConfiguration and answered to workspace/configuration (the
  -- server asks for the `gitlab` section). No token here: the server reads GITLAB_TOKEN from
  -- the environment it inherits from Neovim, or the keyring filled by `gitlab-lsp auth login`.
  settings = {
    -- baseUrl: the server's default is https://gitlab.com (the mock's own URL with --mock,
    -- which setting it here would override). Set it for a self-managed instance.
    codeCompletion = { enabled = true },
    featureFlags = { streamCodeGenerations = true },
  },
  -- Ghost text through textDocument/inlineCompletion. With false, suggestions come through
  -- textDocument/completion and omnifunc (<C-x><C-o>) only.
  ghost_text = true,
  -- Ask for a suggestion by itself after typing stops (the server debounces too).
  auto_trigger = true,
  debounce_ms = 150,
  keymaps = { suggest = '<M-\\>', accept = '<Tab>', dismiss = '<C-]>' },
  highlight = 'Comment',
}

-- state ------------------------------------------------------------------------------------

local config = nil
local client_id = nil
local feature_checks = nil -- list of engaged check ids, nil until the server reports
local timer = nil

-- One shown suggestion per buffer: { bufnr, row, col, text, item, stream_id, extmark, done }
local shown = {}
local streams = {} -- stream id -> bufnr

local function client()
  return client_id and vim.lsp.get_client_by_id(client_id) or nil
end

local function notify(msg, level)
  vim.schedule(function()
    vim.notify('gitlab-lsp: ' .. msg, level or vim.log.levels.INFO)
  end)
end

-- ghost text -------------------------------------------------------------------------------

local function clear(bufnr)
  local s = shown[bufnr]
  if s and s.stream_id then
    streams[s.stream_id] = nil
    local c = client()
    if c and not s.done then
      c.notify('cancelStreaming', { id = s.stream_id })
    end
  end
  shown[bufnr] = nil
  if api.nvim_buf_is_valid(bufnr) then
    api.nvim_buf_clear_namespace(bufnr, ns, 0, -1)
  end
end

-- What is left to show once the text already typed between the item's range start and the
-- cursor is skipped (the item replaces that range).
local function remainder(bufnr, s)
  if s.start_col >= s.col then
    return s.text
  end
  local line = api.nvim_buf_get_lines(bufnr, s.row, s.row + 1, false)[1] or ''
  local typed = line:sub(s.start_col + 1, s.col)
  if s.text:sub(1, #typed) == typed then
    return s.text:sub(#typed + 1)
  end
  return s.text
end

local function draw(bufnr)
  local s = shown[bufnr]
  if not s or not api.nvim_buf_is_valid(bufnr) then
    return
  end
  api.nvim_buf_clear_namespace(bufnr, ns, 0, -1)
  local text = remainder(bufnr, s)
  if text == '' then
    return
  end
  local lines = vim.split(text, '\n', true)
  local virt_lines = {}
  for i = 2, #lines do
    virt_lines[#virt_lines + 1] = { { lines[i], config.highlight } }
  end
  s.extmark = api.nvim_buf_set_extmark(bufnr, ns, s.row, s.col, {
    virt_text = { { lines[1], config.highlight } },
    virt_text_pos = 'overlay',
    virt_lines = #virt_lines > 0 and virt_lines or nil,
    hl_mode = 'combine',
  })
end

-- requests ---------------------------------------------------------------------------------

local function cursor(bufnr)
  local win = vim.fn.bufwinid(bufnr)
  local pos = api.nvim_win_get_cursor(win ~= -1 and win or 0)
  return pos[1] - 1, pos[2]
end

-- The byte column where the item's range starts on the cursor's line (the cursor otherwise).
local function start_col_of(c, bufnr, item, row, col)
  if not item.range or item.range.start.line ~= row then
    return col
  end
  local character = item.range.start.character
  if c.offset_encoding == 'utf-8' then
    return math.min(character, col)
  end
  local line = api.nvim_buf_get_lines(bufnr, row, row + 1, false)[1] or ''
  local ok, byte = pcall(vim.str_byteindex, line, character, c.offset_encoding == 'utf-16')
  return ok and math.min(byte, col) or col
end

local function on_items(bufnr, row, col, items)
  local item = items and items[1]
  if not item then
    clear(bufnr)
    return
  end
  local c = client()
  local text = type(item.insertText) == 'table' and item.insertText.value or item.insertText or ''
  clear(bufnr)
  local s = { bufnr = bufnr, row = row, col = col, text = text, item = item, done = true }
  s.start_col = c and start_col_of(c, bufnr, item, row, col) or col
  local cmd = item.command
  if cmd and cmd.command == START_STREAMING and cmd.arguments then
    s.stream_id = tostring(cmd.arguments[1])
    s.done = false
    streams[s.stream_id] = bufnr
  end
  shown[bufnr] = s
  draw(bufnr)
end

--- Ask the server for a suggestion at the cursor and show it as ghost text.
function M.suggest(trigger)
  local bufnr = api.nvim_get_current_buf()
  local c = client()
  if not c then
    return
  end
  local row, col = cursor(bufnr)
  local params = vim.lsp.util.make_position_params(0, c.offset_encoding)
  params.context = { triggerKind = trigger or TRIGGER_INVOKED }
  c.request(INLINE, params, function(err, result)
    if err then
      notify(err.message or vim.inspect(err), vim.log.levels.WARN)
      return
    end
    local now_row, now_col = cursor(bufnr)
    if now_row ~= row or now_col ~= col or api.nvim_get_current_buf() ~= bufnr then
      return -- the cursor moved on: this answer is stale
    end
    on_items(bufnr, row, col, result and (result.items or result) or nil)
  end, bufnr)
end

--- The suggestion shown in a buffer, for statuslines and tests: { text, done, stream_id }.
function M.current(bufnr)
  local s = shown[bufnr or api.nvim_get_current_buf()]
  if not s then
    return nil
  end
  return { text = s.text, done = s.done, stream_id = s.stream_id }
end

--- Insert the shown suggestion; returns false when none is shown (so a mapping can fall back).
function M.accept()
  local bufnr = api.nvim_get_current_buf()
  local s = shown[bufnr]
  if not s or s.text == '' then
    return false
  end
  local c = client()
  local item, done, stream_id = s.item, s.done, s.stream_id
  shown[bufnr] = nil
  if stream_id then
    streams[stream_id] = nil
    if c and not done then
      c.notify('cancelStreaming', { id = stream_id })
    end
  end
  api.nvim_buf_clear_namespace(bufnr, ns, 0, -1)
  -- The item replaces its range (start_col to the cursor) with its whole text.
  local lines = vim.split(s.text, '\n', true)
  api.nvim_buf_set_text(bufnr, s.row, s.start_col, s.row, s.col, lines)
  local last_row = s.row + #lines - 1
  local last_col = (#lines == 1 and s.start_col or 0) + #lines[#lines]
  api.nvim_win_set_cursor(0, { last_row + 1, last_col })
  -- Report acceptance: the item's command is the server's own (workspace/executeCommand).
  if c and item.command and item.command.command ~= START_STREAMING then
    c.request('workspace/executeCommand', item.command, function() end, bufnr)
  end
  return true
end

function M.dismiss()
  clear(api.nvim_get_current_buf())
end

-- server -> client -------------------------------------------------------------------------

local handlers = {}

handlers['streamingCompletionResponse'] = function(_, params)
  if type(params) ~= 'table' or params.id == nil then
    return
  end
  local bufnr = streams[tostring(params.id)]
  local s = bufnr and shown[bufnr]
  if not s then
    return
  end
  s.text = params.completion or s.text
  s.done = params.done == true
  if s.done then
    streams[tostring(params.id)] = nil
  end
  vim.schedule(function()
    draw(bufnr)
  end)
end

handlers['$/gitlab/featureStateChange'] = function(_, params)
  local states = params
  if type(params) == 'table' and type(params[1]) == 'table' and params[1].featureId == nil then
    states = params[1]
  end
  for _, state in ipairs(states or {}) do
    if state.featureId == 'code_suggestions' then
      feature_checks = {}
      for _, check in ipairs(state.engagedChecks or {}) do
        feature_checks[#feature_checks + 1] = check.checkId
      end
    end
  end
  vim.schedule(function()
    vim.cmd('redrawstatus')
  end)
end

handlers['$/gitlab/token/check'] = function(_, params)
  notify((params and params.message) or 'the GitLab token is missing or invalid',
    vim.log.levels.WARN)
end

for _, name in ipairs({ '$/gitlab/api/error', '$/gitlab/api/recovered' }) do
  handlers[name] = function() end
end

--- A short status for the statusline: 'GitLab', 'GitLab: <check>' or '' before any report.
function M.status()
  if feature_checks == nil then
    return ''
  end
  if #feature_checks == 0 then
    return 'GitLab'
  end
  return 'GitLab: ' .. table.concat(feature_checks, ', ')
end

function M.client_id()
  return client_id
end

-- wiring -----------------------------------------------------------------------------------

local function root_dir(bufnr)
  local path = api.nvim_buf_get_name(bufnr)
  local dir = path ~= '' and vim.fn.fnamemodify(path, ':p:h') or vim.fn.getcwd()
  for _, marker in ipairs(config.root_markers) do
    local found = vim.fn.finddir(marker, dir .. ';')
    if found == '' then
      found = vim.fn.findfile(marker, dir .. ';')
    end
    if found ~= '' then
      return vim.fn.fnamemodify(found, ':p:h:h')
    end
  end
  return dir
end

local function capabilities()
  local caps = vim.lsp.protocol.make_client_capabilities()
  if config.ghost_text then
    caps.textDocument.inlineCompletion = { dynamicRegistration = false }
  end
  return caps
end

local function schedule_auto(bufnr)
  if not config.auto_trigger then
    return
  end
  if timer then
    timer:stop()
  else
    timer = vim.loop.new_timer()
  end
  timer:start(config.debounce_ms, 0, vim.schedule_wrap(function()
    if api.nvim_get_current_buf() == bufnr and api.nvim_get_mode().mode:sub(1, 1) == 'i' then
      M.suggest(TRIGGER_AUTOMATIC)
    end
  end))
end

local function on_attach(bufnr)
  vim.bo[bufnr].omnifunc = 'v:lua.vim.lsp.omnifunc'
  -- Tell the server which document is in front, so the feature state (and M.status()) says
  -- whether suggestions work for its language.
  local function active()
    local c = client()
    if c then
      c.notify('$/gitlab/didChangeDocumentInActiveEditor', { uri = vim.uri_from_bufnr(bufnr) })
    end
  end
  api.nvim_create_autocmd('BufEnter', {
    group = api.nvim_create_augroup('gitlab_lsp_active_' .. bufnr, { clear = true }),
    buffer = bufnr,
    callback = active,
  })
  -- The first buffer's BufEnter came before the server: announce it now.
  if api.nvim_get_current_buf() == bufnr then
    active()
  end
  if not config.ghost_text then
    return
  end
  local group = api.nvim_create_augroup('gitlab_lsp_' .. bufnr, { clear = true })
  api.nvim_create_autocmd('TextChangedI', {
    group = group, buffer = bufnr,
    callback = function()
      clear(bufnr)
      schedule_auto(bufnr)
    end,
  })
  api.nvim_create_autocmd({ 'InsertLeave', 'BufLeave' }, {
    group = group, buffer = bufnr,
    callback = function()
      clear(bufnr)
    end,
  })
  local keys = config.keymaps or {}
  if keys.suggest then
    vim.keymap.set('i', keys.suggest, M.suggest, { buffer = bufnr, desc = 'GitLab: suggest' })
  end
  if keys.dismiss then
    vim.keymap.set('i', keys.dismiss, M.dismiss, { buffer = bufnr, desc = 'GitLab: dismiss' })
  end
  if keys.accept then
    local fallback = api.nvim_replace_termcodes(keys.accept, true, false, true)
    vim.keymap.set('i', keys.accept, function()
      if shown[bufnr] then
        vim.schedule(M.accept)
        return ''
      end
      return fallback
    end, { buffer = bufnr, expr = true, desc = 'GitLab: accept suggestion' })
  end
end

local function attach(bufnr)
  if client_id == nil or client() == nil then
    client_id = vim.lsp.start_client({
      name = 'gitlab_lsp',
      cmd = config.cmd,
      root_dir = root_dir(bufnr),
      capabilities = capabilities(),
      settings = { gitlab = config.settings },
      init_options = {
        ide = { name = 'Neovim', version = tostring(vim.version().major) .. '.'
          .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch),
          vendor = 'Neovim' },
        extension = { name = 'gitlab-lsp.nvim', version = '0.1.0' },
      },
      handlers = handlers,
      on_init = function(c)
        -- Neovim before 0.10 sends no settings by itself.
        c.notify('workspace/didChangeConfiguration', { settings = config.settings })
      end,
      on_attach = function(_, b)
        on_attach(b)
      end,
      on_exit = function()
        client_id = nil
      end,
    })
  end
  if client_id then
    vim.lsp.buf_attach_client(bufnr, client_id)
  end
end

--- Start gitlab-lsp for the configured filetypes. Options override `defaults` above; tables
--- are merged key by key, so `settings = { baseUrl = ... }` keeps the other settings.
function M.setup(opts)
  config = vim.tbl_deep_extend('force', vim.deepcopy(defaults), opts or {})
  if opts and opts.cmd then
    config.cmd = opts.cmd -- a list replaces, never merges
  end
  if opts and opts.filetypes then
    config.filetypes = opts.filetypes
  end
  local group = api.nvim_create_augroup('gitlab_lsp', { clear = true })
  api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = config.filetypes,
    callback = function(args)
      attach(args.buf)
    end,
  })
  api.nvim_create_user_command('GitLabSuggest', function() M.suggest() end, {})
  api.nvim_create_user_command('GitLabStatus', function()
    print(M.status() ~= '' and M.status() or 'gitlab-lsp: no state reported yet')
  end, {})
end

return M
