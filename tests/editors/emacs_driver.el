;;; emacs_driver.el --- drive Eglot against gitlab-lsp for tests/editors/test_emacs.py  -*- lexical-binding: t; -*-

;; Loaded by `emacs --batch': sets up editors/emacs/gitlab-lsp-eglot.el as a user would, opens
;; the Python file, connects Eglot, asks for a completion at the end of the buffer twice (the
;; raw request through Eglot's jsonrpc connection, then `completion-at-point' as a user would
;; press it) and writes what came back to $GITLAB_LSP_TEST_OUT as JSON.  Every wait is bounded.

(require 'json)
(require 'eglot)
(add-to-list 'load-path (getenv "GITLAB_LSP_EMACS_DIR"))
(require 'gitlab-lsp-eglot)

(defvar gitlab-test-results nil)
(defvar gitlab-test-out (getenv "GITLAB_LSP_TEST_OUT"))

(defun gitlab-test-put (key value)
  (setq gitlab-test-results (plist-put gitlab-test-results key value)))

(defun gitlab-test-finish (code)
  (with-temp-file gitlab-test-out
    (insert (json-encode gitlab-test-results)))
  (kill-emacs code))

(setq gitlab-lsp-command (append (json-parse-string (getenv "GITLAB_LSP_CMD") :array-type 'list) nil)
      eglot-sync-connect 30
      eglot-connect-timeout 30
      eglot-autoshutdown nil
      inhibit-message t)
(gitlab-lsp-eglot-setup)

(condition-case err
    (progn
      (find-file (getenv "GITLAB_LSP_TEST_FILE"))
      (gitlab-test-put :mode (symbol-name major-mode))
      (apply #'eglot (eglot--guess-contact))
      ;; Eglot gives up waiting synchronously after `eglot-sync-connect' seconds and goes on
      ;; connecting in the background: wait for it, bounded.
      (with-timeout (60 (error "Eglot did not connect within 60 s"))
        (while (not (eglot-current-server))
          (accept-process-output nil 0.1)))
      (let ((server (eglot-current-server)))
        (unless server (error "Eglot did not connect"))
        (gitlab-test-put :server (eglot--project-nickname server))
        (gitlab-test-put :completion-provider
                         (if (eglot--server-capable :completionProvider) t :json-false))
        (goto-char (point-max))
        ;; 1. The request itself, through Eglot's connection.
        (let* ((params (append (eglot--TextDocumentPositionParams)
                               (list :context (list :triggerKind 1))))
               (result (jsonrpc-request server :textDocument/completion params :timeout 30))
               (items (append (if (vectorp result) result (plist-get result :items)) nil))
               (first (car items)))
          (gitlab-test-put :items (length items))
          (gitlab-test-put :text (or (plist-get (plist-get first :textEdit) :newText)
                                     (plist-get first :insertText)))
          (gitlab-test-put :label (plist-get first :label)))
        ;; 2. What a user gets: completion-at-point inserts the item and Eglot applies its edit.
        (let ((before (buffer-substring-no-properties (point-min) (point-max))))
          (completion-at-point)
          (gitlab-test-put :before before)
          (gitlab-test-put :after (buffer-substring-no-properties (point-min) (point-max))))
        (with-timeout (20 nil)           ; the feature state may still be on its way
          (while (string-empty-p (gitlab-lsp-status))
            (accept-process-output nil 0.1)))
        (gitlab-test-put :status (gitlab-lsp-status))
        (gitlab-test-finish 0)))
  (error
   (gitlab-test-put :error (error-message-string err))
   (gitlab-test-finish 1)))
