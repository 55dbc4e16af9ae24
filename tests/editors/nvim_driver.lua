-- Drives headless Neovim for tests/editors/test_neovim.py: the buffer given on the command
-- line is open and require('gitlab_lsp').setup() ran from the init file. Every wait is
-- bounded; whatever happens, the results go to $GITLAB_LSP_TEST_OUT as JSON and Neovim quits.

local out = assert(vim.env.GITLAB_LSP_TEST_OUT)
local mode = vim.env.GITLAB_LSP_TEST_MODE
local row = tonumber(vim.env.GITLAB_LSP_TEST_ROW)
local col = tonumber(vim.env.GITLAB_LSP_TEST_COL)
local TIMEOUT = 40000
local results = { mode = mode, version = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) }

local function finish()
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(results))
  f:close()
  vim.cmd('qall!')
end

local function step(name, fn)
  local ok, err = pcall(fn)
  if not ok then
    results.error = name .. ': ' .. tostring(err)
    finish()
  end
end

local gitlab = require('gitlab_lsp')
local bufnr = vim.api.nvim_get_current_buf()

step('attach', function()
  local ok = vim.wait(TIMEOUT, function()
    local id = gitlab.client_id()
    local c = id and vim.lsp.get_client_by_id(id)
    return c ~= nil and c.initialized == true
  end, 50)
  assert(ok, 'the client did not initialize')
  local c = vim.lsp.get_client_by_id(gitlab.client_id())
  results.attached = vim.lsp.buf_is_attached(bufnr, c.id)
  local caps = c.server_capabilities or {}
  results.completion_provider = caps.completionProvider ~= nil
  results.inline_provider = caps.inlineCompletionProvider ~= nil
end)

vim.api.nvim_win_set_cursor(0, { row + 1, col })

if mode == 'completion' then
  step('completion', function()
    local params = vim.lsp.util.make_position_params()
    params.context = { triggerKind = 1 }
    local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', params, TIMEOUT)
    assert(responses, 'no answer to textDocument/completion')
    for _, response in pairs(responses) do
      assert(not response.err, vim.inspect(response.err))
      local items = response.result and (response.result.items or response.result) or {}
      local first = items[1]
      results.items = #items
      if first then
        results.label = first.label
        results.text = first.textEdit and first.textEdit.newText or first.insertText
        results.command = first.command and first.command.command or nil
      end
    end
  end)
elseif mode == 'doubled-completion' then
  -- The built-in client's way to take a completion item with a textEdit: apply the edit.
  step('doubled-completion', function()
    local params = vim.lsp.util.make_position_params()
    params.context = { triggerKind = 1 }
    local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', params, TIMEOUT)
    assert(responses, 'no answer to textDocument/completion')
    for _, response in pairs(responses) do
      assert(not response.err, vim.inspect(response.err))
      local items = response.result and (response.result.items or response.result) or {}
      local item = assert(items[1], 'no completion item')
      results.items = #items
      if item.textEdit then
        results.text = item.textEdit.newText
        vim.lsp.util.apply_text_edits({ item.textEdit }, bufnr, 'utf-16')
      else
        -- No edit: the item's insertText replaces the word before the cursor, as the
        -- omnifunc does.
        local text = assert(item.insertText, 'an item with neither textEdit nor insertText')
        results.text = text
        local cursor = vim.api.nvim_win_get_cursor(0)
        local line = vim.api.nvim_get_current_line():sub(1, cursor[2])
        local word = line:match('[%w_]*$')
        vim.api.nvim_buf_set_text(bufnr, cursor[1] - 1, cursor[2] - #word, cursor[1] - 1,
          cursor[2], vim.split(text, '\n', { plain = true }))
      end
    end
    results.buffer = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  end)
elseif mode == 'doubled-inline' then
  -- The project's module: ghost text, then accept() as the user's key would.
  step('doubled-inline', function()
    gitlab.suggest()
    local ok = vim.wait(TIMEOUT, function() return gitlab.current(bufnr) ~= nil end, 50)
    assert(ok, 'no inline suggestion was shown')
    results.text = gitlab.current(bufnr).text
    assert(gitlab.accept(), 'accept() found nothing to insert')
    results.buffer = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  end)
elseif mode == 'inline' then
  step('inline', function()
    gitlab.suggest()
    local ok = vim.wait(TIMEOUT, function() return gitlab.current(bufnr) ~= nil end, 50)
    assert(ok, 'no inline suggestion was shown')
    results.text = gitlab.current(bufnr).text
    local ns = vim.api.nvim_get_namespaces()['gitlab_lsp_ghost']
    local marks = vim.api.nvim_buf_get_extmarks(bufnr, ns, 0, -1, { details = true })
    local mark = marks[1]
    results.ghost_first_line = mark and mark[4].virt_text[1][1] or nil
    results.ghost_more_lines = mark and mark[4].virt_lines and #mark[4].virt_lines or 0
    assert(gitlab.accept(), 'accept() found nothing to insert')
    results.buffer = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  end)
  step('streaming', function()
    -- A comment that asks for code: the server streams a generation for it.
    local last = vim.api.nvim_buf_line_count(bufnr)
    vim.api.nvim_buf_set_lines(bufnr, last, last, false,
      { '', '', assert(vim.env.GITLAB_LSP_TEST_COMMENT), '' })
    local total = vim.api.nvim_buf_line_count(bufnr)
    vim.api.nvim_win_set_cursor(0, { total, 0 })
    gitlab.suggest()
    local ok = vim.wait(TIMEOUT, function()
      local s = gitlab.current(bufnr)
      return s ~= nil and s.done
    end, 50)
    local s = gitlab.current(bufnr)
    results.stream_id = s and s.stream_id or nil
    assert(ok, 'the streamed generation did not finish')
    results.stream_text = s.text
  end)
end

-- $/gitlab/featureStateChange parsed by the module's handler (bounded wait: it may still come).
vim.wait(20000, function() return gitlab.status() ~= "" end, 50)
results.status = gitlab.status()

finish()
