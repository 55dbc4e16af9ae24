" gitlab-lsp for Vim 9 with vim-lsp (https://github.com/prabirshrestha/vim-lsp).
" Source it from your vimrc after vim-lsp is loaded:  source /path/to/gitlab-lsp-vim-lsp.vim
" Suggestions come through Vim's completion menu: <C-x><C-o> (vim-lsp's omnifunc), then <C-y>.
" No token here: the server reads GITLAB_TOKEN from Vim's environment, or the keyring filled by
" `gitlab-lsp auth login`. Add '--mock' to the command to try it without a GitLab account.

let g:gitlab_lsp_settings = get(g:, 'gitlab_lsp_settings', {
      \ 'codeCompletion': {'enabled': v:true, 'enableSecretRedaction': v:true},
      \ 'logLevel': 'info',
      \ })

augroup gitlab_lsp_vim_lsp
  autocmd!
  autocmd User lsp_setup call lsp#register_server({
        \ 'name': 'gitlab-lsp',
        \ 'cmd': {server_info -> ['gitlab-lsp', '--stdio']},
        \ 'allowlist': ['python', 'javascript', 'typescript', 'go', 'rust', 'ruby', 'java',
        \               'c', 'cpp', 'php', 'sh', 'lua', 'kotlin', 'scala', 'swift', 'sql'],
        \ 'initialization_options': {
        \   'ide': {'name': 'Vim', 'version': string(v:version), 'vendor': 'Vim'},
        \   'extension': {'name': 'vim-lsp', 'version': '0'},
        \ },
        \ 'workspace_config': {'gitlab': g:gitlab_lsp_settings},
        \ })
  " The server's items repeat the word being typed and carry the whole suggestion; a
  " multi-line one is applied by vim-lsp's own text edit after the menu closes.
  autocmd FileType python,javascript,typescript,go,rust,ruby,java,c,cpp,php,sh,lua
        \ setlocal omnifunc=lsp#complete
augroup END
