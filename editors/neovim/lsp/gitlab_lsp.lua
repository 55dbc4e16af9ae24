-- gitlab-lsp for Neovim 0.11+ (vim.lsp.config / vim.lsp.enable).
--
-- Copy this file to ~/.config/nvim/lsp/gitlab_lsp.lua (or anywhere on 'runtimepath' under
-- lsp/), then in init.lua:
--
--   vim.lsp.enable('gitlab_lsp')
--
-- and override what you need without editing this file:
--
--   vim.lsp.config('gitlab_lsp', {
--     settings = { gitlab = { baseUrl = 'https://gitlab.example.com' } },
--   })
--
-- On Neovim 0.12+ suggestions appear as ghost text (vim.lsp.inline_completion); <Tab> accepts
-- one (a buffer-local mapping that falls back to whatever <Tab> did before, such as stock
-- Neovim's snippet jump). Another key: `vim.g.gitlab_lsp_accept_key = '<C-l>'` before the
-- server starts; `false` maps nothing (call vim.lsp.inline_completion.get() yourself).
-- On 0.11 they come through the completion menu (vim.lsp.completion: <C-x><C-o>, then
-- <C-y>). Neovim 0.7 to 0.10: use the Lua module in ../lua/gitlab_lsp instead.

-- The key that accepts ghost text: buffer-local, so it wins over global mappings, and when no
-- suggestion is shown it does what the key did before (or types it).
local function map_accept(bufnr)
  local key = vim.g.gitlab_lsp_accept_key
  if key == false then
    return
  end
  key = key or '<Tab>'
  local before = vim.fn.maparg(key, 'i', false, true)
  vim.keymap.set('i', key, function()
    if vim.lsp.inline_completion.get() then
      return ''
    end
    if before.callback then
      local keys = before.callback()
      return before.expr == 1 and keys or ''
    elseif before.rhs and before.rhs ~= '' then
      return before.expr == 1 and vim.api.nvim_eval(before.rhs) or vim.keycode(before.rhs)
    end
    return vim.keycode(key)
  end, { buffer = bufnr, expr = true, desc = 'GitLab: accept the suggestion' })
end

local function ide_version()
  local v = vim.version()
  return ('%d.%d.%d'):format(v.major, v.minor, v.patch)
end

---@type vim.lsp.Config
return {
  -- Add '--mock' to try it without a GitLab account (suggestions from the bundled mock).
  cmd = { 'gitlab-lsp', '--stdio' },
  filetypes = {
    'python', 'javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'go', 'rust',
    'ruby', 'java', 'kotlin', 'scala', 'c', 'cpp', 'cs', 'php', 'swift', 'lua', 'sh', 'bash',
    'haskell', 'elixir', 'ocaml', 'perl', 'sql', 'terraform', 'html', 'css', 'scss', 'vue',
    'svelte', 'dart', 'zig', 'yaml', 'toml', 'json', 'powershell',
  },
  root_markers = { '.git' },
  init_options = {
    ide = { name = 'Neovim', version = ide_version(), vendor = 'Neovim' },
    extension = { name = 'gitlab-lsp.nvim', version = '0.1.0' },
  },
  -- Neovim pushes these with workspace/didChangeConfiguration and answers the server's
  -- workspace/configuration pull for the `gitlab` section from them; the server reads either.
  -- Keys are the server's (see editors/README.md).
  settings = {
    gitlab = {
      -- Your instance; the server's default is https://gitlab.com (and the mock's own URL
      -- with --mock, which a baseUrl here would override).
      -- baseUrl = 'https://gitlab.example.com',
      -- No token here: the server reads GITLAB_TOKEN from the environment it inherits from
      -- Neovim, or the keyring filled by `gitlab-lsp auth login`.
      codeCompletion = { enabled = true, enableSecretRedaction = true },
      -- Native inline completion has no streaming UI: generations arrive as whole items.
      featureFlags = { streamCodeGenerations = false },
      logLevel = 'info',
    },
  },
  handlers = {
    ['$/gitlab/token/check'] = function(_, params)
      vim.notify('gitlab-lsp: ' .. ((params and params.message) or 'check the GitLab token'),
        vim.log.levels.WARN)
    end,
    ['$/gitlab/featureStateChange'] = function(_, params)
      -- Kept for statuslines: vim.g.gitlab_lsp_checks lists what stops suggestions now.
      local states = (type(params) == 'table' and type(params[1]) == 'table'
        and params[1].featureId == nil) and params[1] or params
      for _, state in ipairs(states or {}) do
        if state.featureId == 'code_suggestions' then
          local checks = {}
          for _, check in ipairs(state.engagedChecks or {}) do
            checks[#checks + 1] = check.checkId
          end
          vim.g.gitlab_lsp_checks = checks
        end
      end
    end,
    ['$/gitlab/api/error'] = function() end,
    ['$/gitlab/api/recovered'] = function() end,
  },
  on_attach = function(client, bufnr)
    -- Tell the server which document is in front, so the feature state it reports says
    -- whether suggestions work for that document's language: now for the buffer being
    -- attached if it is in front (its BufEnter came before the server), then on every entry.
    local function active()
      client:notify('$/gitlab/didChangeDocumentInActiveEditor', { uri = vim.uri_from_bufnr(bufnr) })
    end
    local group = vim.api.nvim_create_augroup('gitlab_lsp_active_' .. bufnr, { clear = true })
    vim.api.nvim_create_autocmd('BufEnter', { group = group, buffer = bufnr, callback = active })
    if vim.api.nvim_get_current_buf() == bufnr then
      active()
    end
    -- The server offers both ghost text and the menu: use ghost text where Neovim has it, so
    -- that a suggestion never shows twice.
    if vim.lsp.inline_completion
      and client:supports_method('textDocument/inlineCompletion', bufnr) then
      vim.lsp.inline_completion.enable(true, { bufnr = bufnr })
      map_accept(bufnr)
    elseif vim.lsp.completion and client:supports_method('textDocument/completion', bufnr) then
      vim.lsp.completion.enable(true, client.id, bufnr, { autotrigger = false })
    end
  end,
}
