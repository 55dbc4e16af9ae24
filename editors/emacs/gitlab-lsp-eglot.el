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
(require 'gitlab-lsp)

(defcustom gitlab-lsp-eglot-modes
  '(python-mode python-ts-mode js-mode js-ts-mode typescript-mode typescript-ts-mode
    go-mode go-ts-mode rust-mode rust-ts-mode ruby-mode ruby-ts-mode java-mode java-ts-mode
    c-mode c-ts-mode c++-mode c++-ts-mode csharp-mode php-mode lua-mode sh-mode bash-ts-mode)
  "Major modes in which Eglot starts gitlab-lsp."
  :group 'gitlab-lsp
  :type '(repeat symbol))

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

(cl-defmethod eglot-handle-notification
  (_server (_method (eql $/gitlab/featureStateChange)) &rest params)
  "Remember which checks stop suggestions, for the mode line."
  (gitlab-lsp-feature-state-changed params))

(cl-defmethod eglot-handle-notification
  (_server (_method (eql $/gitlab/token/check)) &rest params)
  "Tell the user the token needs attention."
  (gitlab-lsp-token-problem (and (keywordp (car params)) (plist-get params :message))))

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

(provide 'gitlab-lsp-eglot)
;;; gitlab-lsp-eglot.el ends here
