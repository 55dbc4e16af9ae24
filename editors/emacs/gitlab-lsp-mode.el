;;; gitlab-lsp-mode.el --- GitLab Duo Code Suggestions through lsp-mode  -*- lexical-binding: t; -*-

;;; Commentary:

;; Registers gitlab-lsp as an lsp-mode add-on client: it runs next to the language's own
;; server (pyright, gopls...) rather than instead of it.  Suggestions come through
;; `completion-at-point' (company, corfu...); on lsp-mode 9+ `lsp-inline-completion-display'
;; shows them as ghost text (the server offers both to every client).
;;
;;   (add-to-list 'load-path "/path/to/editors/emacs")
;;   (with-eval-after-load 'lsp-mode (require 'gitlab-lsp-mode))
;;   (add-hook 'python-mode-hook #'lsp-deferred)
;;
;; Settings are `gitlab-lsp-settings' and `gitlab-lsp-token' (see gitlab-lsp.el); after
;; changing them, run `gitlab-lsp-mode-push-settings'.

;;; Code:

(require 'lsp-mode)
(require 'cl-lib)
(require 'gitlab-lsp)

(defcustom gitlab-lsp-mode-languages
  '("python" "javascript" "typescript" "javascriptreact" "typescriptreact" "go" "rust"
    "ruby" "java" "kotlin" "scala" "c" "cpp" "csharp" "php" "swift" "lua" "shellscript")
  "Language ids (as lsp-mode names them) for which gitlab-lsp starts."
  :type '(repeat string)
  :group 'gitlab-lsp)

(defun gitlab-lsp-mode--json (plist)
  "PLIST (keys like :baseUrl, nested plists) as a hash table for lsp-mode."
  (let ((table (make-hash-table :test 'equal)))
    (cl-loop for (key value) on plist by #'cddr
             do (puthash (substring (symbol-name key) 1)
                         (if (and (consp value) (keywordp (car value)))
                             (gitlab-lsp-mode--json value)
                           value)
                         table))
    table))

(defun gitlab-lsp-mode--settings ()
  (gitlab-lsp-mode--json (gitlab-lsp-settings-plist)))

(defun gitlab-lsp-mode-push-settings ()
  "Send the current `gitlab-lsp-settings' to every running gitlab-lsp."
  (interactive)
  (dolist (workspace (lsp--session-workspaces (lsp-session)))
    (when (eq (lsp--workspace-server-id workspace) 'gitlab-lsp)
      (with-lsp-workspace workspace
        (lsp--set-configuration (gitlab-lsp-mode--settings))))))

(lsp-register-client
 (make-lsp-client
  :new-connection (lsp-stdio-connection (lambda () gitlab-lsp-command))
  :activation-fn (lambda (_file-name _mode)
                   (and (member (lsp-buffer-language) gitlab-lsp-mode-languages) t))
  :server-id 'gitlab-lsp
  :add-on? t
  :priority -2
  :initialization-options
  (lambda ()
    (list :ide (list :name "Emacs" :version emacs-version :vendor "GNU")
          :extension (list :name "gitlab-lsp-mode" :version "0.1.0")))
  :initialized-fn (lambda (workspace)
                    (with-lsp-workspace workspace
                      (lsp--set-configuration (gitlab-lsp-mode--settings))))
  :notification-handlers
  (let ((handlers (make-hash-table :test 'equal)))
    (puthash "$/gitlab/featureStateChange"
             (lambda (_workspace params) (gitlab-lsp-feature-state-changed (append params nil)))
             handlers)
    (puthash "$/gitlab/token/check"
             (lambda (_workspace params)
               (gitlab-lsp-token-problem
                (and (or (hash-table-p params) (keywordp (car-safe params)))
                     (gitlab-lsp--get params :message))))
             handlers)
    (dolist (ignored '("$/gitlab/api/error" "$/gitlab/api/recovered"
                       "streamingCompletionResponse"))
      (puthash ignored #'ignore handlers))
    handlers)
  ;; Answer the server's pull for the `gitlab' section ourselves: lsp-mode would answer from
  ;; its own registered settings, which hold none of ours, and the server would check the
  ;; token against the default instance before the push below arrives.
  :request-handlers
  (let ((handlers (make-hash-table :test 'equal)))
    (puthash "workspace/configuration"
             (lambda (_workspace params)
               (apply #'vector
                      (mapcar (lambda (_item) (gitlab-lsp-mode--settings))
                              (append (gitlab-lsp--get params :items) nil))))
             handlers)
    handlers)))

(provide 'gitlab-lsp-mode)
;;; gitlab-lsp-mode.el ends here
