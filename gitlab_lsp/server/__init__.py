"""The GitLab Duo Code Suggestions language server (pygls), built in `app.create_server`."""
