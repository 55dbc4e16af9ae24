;;; gitlab-lsp-eglot.el --- GitLab Duo Code Suggestions through Eglot  -*- lexical-binding: t; -*-

;; Works with the Eglot shipped in Emacs 29+ and with ELPA's eglot 1.9+ on Emacs 28.

;;; Commentary:

;; Registers `gitlab-lsp --stdio' with Eglot, sends it the `gitlab-lsp-settings' (as the
;; `gitlab' section of `eglot-workspace-configuration') and handles the server's own
;; notifications.  Suggestions arrive through `completion-at-point' (the server answers
;; `textDocument/completion' with one multi-line item), so any capf front end shows them.
;;
;;   (add-to-list 'load-path "/path/to/editors/emacs")
;;   (require 'gitlab-lsp-eglot)
;;   (gitlab-lsp-eglot-setup)
;;   (add-hook 'python-mode-hook #'eglot-ensure)
;;
;; Eglot runs one server per major mode: this replaces, say, pyright in the modes listed in
;; `gitlab-lsp-eglot-modes'.  To keep your language server as well, use lsp-mode, whose
;; add-on clients run side by side (see gitlab-lsp-mode.el).

;;; Code:

(require 'eglot)
(require 'cl-lib)

(defgroup gitlab-lsp nil
  "GitLab Duo Code Suggestions through the gitlab-lsp language server."
  :group 'tools
  :prefix "gitlab-lsp-")

(defcustom gitlab-lsp-command '("gitlab-lsp" "--stdio")
  "How to start the server.
Add \"--mock\" to try it without a GitLab account."
  :type '(repeat string))

(defcustom gitlab-lsp-eglot-modes
  '(python-mode python-ts-mode js-mode js-ts-mode typescript-mode typescript-ts-mode
    go-mode go-ts-mode rust-mode rust-ts-mode ruby-mode ruby-ts-mode java-mode java-ts-mode
    c-mode c-ts-mode c++-mode c++-ts-mode csharp-mode php-mode lua-mode sh-mode bash-ts-mode)
  "Major modes in which Eglot starts gitlab-lsp."
  :type '(repeat symbol))

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
When nil, the environment variable GITLAB_TOKEN is used; when that
is unset too, the server uses the token stored by
`gitlab-lsp auth login'."
  :type '(choice (const nil) string function))

(defvar gitlab-lsp-feature-checks nil
  "Check ids that currently stop suggestions, as the server reported.
nil before the server reports anything; `ready' when no check is
engaged.")

(defun gitlab-lsp--token ()
  (let ((token (if (functionp gitlab-lsp-token) (funcall gitlab-lsp-token) gitlab-lsp-token)))
    (or token (let ((env (getenv "GITLAB_TOKEN"))) (and env (not (string-empty-p env)) env)))))

(defun gitlab-lsp-settings-plist ()
  "The settings object the server receives: `gitlab-lsp-settings' plus the token."
  (let ((token (gitlab-lsp--token)))
    (if token (append (list :token token) gitlab-lsp-settings) gitlab-lsp-settings)))

;;;###autoload
(defun gitlab-lsp-eglot-setup ()
  "Start gitlab-lsp in `gitlab-lsp-eglot-modes' and send it its settings.
The settings are read now: call this again after changing them."
  (add-to-list 'eglot-server-programs
               (cons gitlab-lsp-eglot-modes (lambda (&rest _) gitlab-lsp-command)))
  ;; The settings are our `gitlab' section; other servers' sections are left alone.
  (setq-default eglot-workspace-configuration
                (cons (cons :gitlab (gitlab-lsp-settings-plist))
                      (assq-delete-all :gitlab
                                       (if (functionp eglot-workspace-configuration)
                                           nil
                                         (copy-sequence eglot-workspace-configuration))))))

(defun gitlab-lsp--feature-states (params)
  "The list of feature states in PARAMS.
The server sends them bare or as its single positional argument."
  (let ((first (car params)))
    (if (and (sequencep first) (not (keywordp (car-safe first))) (not (stringp first)))
        (append first nil)
      params)))

(cl-defmethod eglot-handle-notification
  (_server (_method (eql $/gitlab/featureStateChange)) &rest params)
  "Remember which checks stop suggestions, for the mode line."
  (dolist (state (gitlab-lsp--feature-states params))
    (when (equal (plist-get state :featureId) "code_suggestions")
      (let ((checks (mapcar (lambda (c) (plist-get c :checkId))
                            (append (plist-get state :engagedChecks) nil))))
        (setq gitlab-lsp-feature-checks (or checks 'ready)))))
  (force-mode-line-update t))

(cl-defmethod eglot-handle-notification
  (_server (_method (eql $/gitlab/token/check)) &rest params)
  "Tell the user the token needs attention."
  (let ((message (and (keywordp (car params)) (plist-get params :message))))
    (display-warning 'gitlab-lsp
                     (or message "The GitLab token is missing or invalid.")
                     :warning)))

(cl-defmethod eglot-handle-notification
  (_server (_method (eql $/gitlab/api/error)) &rest _params)
  "API errors also show as a feature check; nothing more to do.")

(cl-defmethod eglot-handle-notification
  (_server (_method (eql $/gitlab/api/recovered)) &rest _params)
  "Recovery also shows as a feature check; nothing more to do.")

(cl-defmethod eglot-handle-notification
  (_server (_method (eql streamingCompletionResponse)) &rest _params)
  "Ignore stray stream messages.
Eglot asks for completions, which the server never streams.")

(defun gitlab-lsp-status ()
  "A short status for the mode line."
  (cond ((null gitlab-lsp-feature-checks) "")
        ((eq gitlab-lsp-feature-checks 'ready) "GitLab")
        (t (concat "GitLab: " (mapconcat #'identity gitlab-lsp-feature-checks ", ")))))

(provide 'gitlab-lsp-eglot)
;;; gitlab-lsp-eglot.el ends here
