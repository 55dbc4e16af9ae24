-- The init file of the headless Neovim tests: the repository's editors/neovim on the
-- runtimepath and gitlab-lsp set up as a user would, pointed at the test's server.
vim.opt.runtimepath:prepend(assert(vim.env.GITLAB_LSP_NVIM_RTP))
vim.opt.swapfile = false
-- Headless Neovim stays in normal mode, where the cursor cannot sit after the last character
-- as it does while typing in insert mode; 'onemore' lets the test put it there.
vim.opt.virtualedit = 'onemore'
require('gitlab_lsp').setup({
  cmd = vim.fn.json_decode(assert(vim.env.GITLAB_LSP_CMD)),
  ghost_text = vim.env.GITLAB_LSP_TEST_MODE == 'inline',
  auto_trigger = false,
})
