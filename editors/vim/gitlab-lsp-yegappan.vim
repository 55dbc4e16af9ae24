vim9script
# gitlab-lsp for Vim 9 with yegappan/lsp (https://github.com/yegappan/lsp).
# Source it from your vimrc after the plugin is loaded:  source /path/to/gitlab-lsp-yegappan.vim
# Suggestions come through Vim's completion menu (yegappan's omnifunc or its autocomplete):
# select the suggestion, <C-y> inserts it. No token here: the server reads GITLAB_TOKEN from
# Vim's environment, or the keyring filled by `gitlab-lsp auth login`. Add '--mock' to the
# command to try it without a GitLab account.

g:LspAddServer([{
  name: 'gitlab-lsp',
  filetype: ['python', 'javascript', 'typescript', 'go', 'rust', 'ruby', 'java', 'c', 'cpp',
             'php', 'sh', 'lua', 'kotlin', 'scala', 'swift', 'sql'],
  path: 'gitlab-lsp',
  args: ['--stdio'],
  initializationOptions: {
    ide: {name: 'Vim', vendor: 'Vim', version: string(v:version)},
    extension: {name: 'yegappan-lsp', version: '0'},
  },
  workspaceConfig: {gitlab: {codeCompletion: {enabled: true, enableSecretRedaction: true}}},
}])

# Vim's completion cannot put a line break inside a line: a multi-line suggestion arrives as
# one line with NUL bytes (^@). Turn them back into line breaks once it is inserted, as
# GitLab's own Vim plugin does.
def GitLabLspFixLineBreaks()
  var item = v:completed_item
  if type(item) != v:t_dict || get(item, 'word', '') !~ "\n"
    return
  endif
  var row = line('.')
  var text = getline(row)
  var after = strlen(text) - col('.') + 1
  var lines = split(text, "\n", true)
  setline(row, lines[0])
  append(row, lines[1 :])
  cursor(row + len(lines) - 1, strlen(lines[-1]) - after + 1)
enddef

augroup gitlab_lsp_yegappan
  autocmd!
  autocmd CompleteDone * GitLabLspFixLineBreaks()
augroup END
