//! Zed starts language servers only through extensions: this one runs `gitlab-lsp --stdio`
//! from PATH (or `lsp.gitlab-lsp.binary` in settings.json) and hands it the user's
//! `lsp.gitlab-lsp.settings` as the `gitlab` section it asks for.

use zed_extension_api::{self as zed, serde_json, settings::LspSettings, LanguageServerId, Result};

const SERVER: &str = "gitlab-lsp";

struct GitLabLsp;

impl zed::Extension for GitLabLsp {
    fn new() -> Self {
        GitLabLsp
    }

    fn language_server_command(
        &mut self,
        _id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let binary = LspSettings::for_worktree(SERVER, worktree)
            .ok()
            .and_then(|settings| settings.binary);
        let configured_path = binary.as_ref().and_then(|b| b.path.clone());
        let command = match configured_path.or_else(|| worktree.which(SERVER)) {
            Some(path) => path,
            None => {
                return Err(format!(
                    "{SERVER} was not found on PATH: install it (pip install gitlab-lsp) or set \
                     lsp.{SERVER}.binary.path in settings.json"
                ))
            }
        };
        let args = binary
            .as_ref()
            .and_then(|b| b.arguments.clone())
            .unwrap_or_else(|| vec!["--stdio".to_string()]);
        Ok(zed::Command {
            command,
            args,
            env: worktree.shell_env(),
        })
    }

    fn language_server_initialization_options(
        &mut self,
        _id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<Option<serde_json::Value>> {
        let user = LspSettings::for_worktree(SERVER, worktree)
            .ok()
            .and_then(|settings| settings.initialization_options);
        Ok(Some(user.unwrap_or_else(|| {
            serde_json::json!({
                "ide": { "name": "Zed", "version": "", "vendor": "Zed Industries" },
                "extension": { "name": "gitlab-lsp-zed", "version": env!("CARGO_PKG_VERSION") }
            })
        })))
    }

    fn language_server_workspace_configuration(
        &mut self,
        _id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<Option<serde_json::Value>> {
        let settings = LspSettings::for_worktree(SERVER, worktree)
            .ok()
            .and_then(|settings| settings.settings)
            .unwrap_or_else(|| serde_json::json!({}));
        Ok(Some(serde_json::json!({ "gitlab": settings })))
    }
}

zed::register_extension!(GitLabLsp);
