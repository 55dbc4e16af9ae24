;;; gitlab-lsp.el --- Settings and state shared by the Eglot and lsp-mode recipes  -*- lexical-binding: t; -*-

;;; Commentary:

;; What both Emacs clients of gitlab-lsp need: how to start the server, the settings it
;; receives (the server's own keys, as a plist), the token, and the feature state it
;; reports with `$/gitlab/featureStateChange', shown by `gitlab-lsp-status'.

;;; Code:

(require 'cl-lib)
(require 'subr-x)

(defgroup gitlab-lsp nil
  "GitLab Duo Code Suggestions through the gitlab-lsp language server."
  :group 'tools
  :prefix "gitlab-lsp-")

(defcustom gitlab-lsp-command '("gitlab-lsp" "--stdio")
  "How to start the server.
Add \"--mock\" to try it without a GitLab account."
  :type '(repeat string))

(defcustom gitlab-lsp-settings
  '(:codeCompletion (:enabled t :enableSecretRedaction t)
    :featureFlags (:streamCodeGenerations :json-false)
    :logLevel "info")
  "Settings sent to the server, as a plist with the server's keys.
Use :json-false for false.  The token is added from `gitlab-lsp-token'.
Add :baseUrl \"https://gitlab.example.com\" for a self-managed instance;
the default is GitLab.com (or, with --mock, the mock, which a :baseUrl
here would override)."
  :type 'plist)

(defcustom gitlab-lsp-token nil
  "GitLab personal access token, or a function returning one.
When nil (better), no token is sent: the server reads GITLAB_TOKEN
from the environment it inherits from Emacs, then the keyring filled
by `gitlab-lsp auth login'."
  :type '(choice (const nil) string function))

(defvar gitlab-lsp-feature-checks nil
  "Check ids that currently stop suggestions, as the server reported.
nil before the server reports anything; `ready' when no check is
engaged.")

(defun gitlab-lsp--token ()
  (let ((token (if (functionp gitlab-lsp-token) (funcall gitlab-lsp-token) gitlab-lsp-token)))
    (and (stringp token) (not (string-empty-p token)) token)))

(defun gitlab-lsp-settings-plist ()
  "The settings object the server receives: `gitlab-lsp-settings' plus the token."
  (let ((token (gitlab-lsp--token)))
    (if token (append (list :token token) gitlab-lsp-settings) gitlab-lsp-settings)))

(defun gitlab-lsp--feature-states (params)
  "The list of feature states in PARAMS.
The server sends them bare or as its single positional argument."
  (let ((first (car params)))
    (if (and (sequencep first) (not (keywordp (car-safe first))) (not (stringp first)))
        (append first nil)
      params)))

(defun gitlab-lsp--get (object key)
  "KEY (a keyword) of OBJECT, a plist (Eglot) or a hash table (lsp-mode)."
  (if (hash-table-p object)
      (gethash (substring (symbol-name key) 1) object)
    (plist-get object key)))

(defun gitlab-lsp-feature-state-changed (params)
  "Remember which checks stop suggestions, from featureStateChange PARAMS."
  (dolist (state (gitlab-lsp--feature-states params))
    (when (equal (gitlab-lsp--get state :featureId) "code_suggestions")
      (let ((checks (mapcar (lambda (c) (gitlab-lsp--get c :checkId))
                            (append (gitlab-lsp--get state :engagedChecks) nil))))
        (setq gitlab-lsp-feature-checks (or checks 'ready)))))
  (force-mode-line-update t))

(defun gitlab-lsp-token-problem (message)
  "Tell the user the token needs attention, with the server's MESSAGE."
  (display-warning 'gitlab-lsp
                   (or message "The GitLab token is missing or invalid.")
                   :warning))

(defun gitlab-lsp-status ()
  "A short status for the mode line."
  (cond ((null gitlab-lsp-feature-checks) "")
        ((eq gitlab-lsp-feature-checks 'ready) "GitLab")
        (t (concat "GitLab: " (mapconcat #'identity gitlab-lsp-feature-checks ", ")))))

(provide 'gitlab-lsp)
;;; gitlab-lsp.el ends here
