-- Init file of the Neovim 0.12+ test: the repository's editors/neovim on the runtimepath, so
-- that vim.lsp.enable finds lsp/gitlab_lsp.lua exactly as a user's copy would be found, with
-- only the command overridden to point at the test's server.
vim.opt.runtimepath:prepend(assert(vim.env.GITLAB_LSP_NVIM_RTP))
vim.opt.swapfile = false
vim.lsp.config('gitlab_lsp', { cmd = vim.json.decode(assert(vim.env.GITLAB_LSP_CMD)) })
vim.lsp.enable('gitlab_lsp')
-- The client's log keeps every message Neovim sends (the tests read it).
vim.lsp.set_log_level('debug')
