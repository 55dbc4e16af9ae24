;;; lsp_mode_driver.el --- drive lsp-mode against gitlab-lsp for tests/editors/test_emacs.py  -*- lexical-binding: t; -*-

;; Loads editors/emacs/gitlab-lsp-mode.el as a user would, opens the Python file with its
;; directory already a known lsp-mode workspace folder (so nothing prompts), starts lsp-mode,
;; then asks for a completion at the end of the buffer: the raw request through lsp-mode, and
;; `completion-at-point' as a user would press it.  Results go to $GITLAB_LSP_TEST_OUT.

(require 'json)
(add-to-list 'load-path (getenv "GITLAB_LSP_EMACS_DIR"))
(setq lsp-enable-suggest-server-download nil
      lsp-auto-install-server nil
      lsp-enable-file-watchers nil
      lsp-keep-workspace-alive nil
      lsp-restart 'ignore
      lsp-completion-enable t
      lsp-enable-snippet nil
      lsp-response-timeout 30
      inhibit-message t)
(require 'lsp-mode)
(require 'gitlab-lsp-mode)
(require 'lsp-completion)

(defvar gitlab-test-results nil)

(defun gitlab-test-put (key value)
  (setq gitlab-test-results (plist-put gitlab-test-results key value)))

(defun gitlab-test-finish (code)
  (with-temp-file (getenv "GITLAB_LSP_TEST_OUT")
    (insert (json-encode gitlab-test-results)))
  (kill-emacs code))

(setq gitlab-lsp-command (append (json-parse-string (getenv "GITLAB_LSP_CMD") :array-type 'list) nil))

(condition-case err
    (let ((file (getenv "GITLAB_LSP_TEST_FILE")))
      (lsp-workspace-folders-add (file-name-directory file))
      (find-file file)
      (gitlab-test-put :mode (symbol-name major-mode))
      (lsp)
      (with-timeout (60 (error "lsp-mode did not start gitlab-lsp within 60 s"))
        (while (not (seq-find (lambda (w) (and (eq (lsp--workspace-server-id w) 'gitlab-lsp)
                                               (eq (lsp--workspace-status w) 'initialized)))
                              (lsp-workspaces)))
          (accept-process-output nil 0.1)))
      (gitlab-test-put :servers (mapcar (lambda (w) (symbol-name (lsp--workspace-server-id w)))
                                        (lsp-workspaces)))
      (goto-char (point-max))
      ;; 1. The request itself, through lsp-mode.
      (let* ((params (append (lsp--text-document-position-params)
                             (list :context (list :triggerKind 1))))
             (result (lsp-request "textDocument/completion" params))
             (items (append (if (hash-table-p result) (gethash "items" result) result) nil))
             (first (car items)))
        (gitlab-test-put :items (length items))
        (gitlab-test-put :text (and first (or (and (gethash "textEdit" first)
                                                    (gethash "newText" (gethash "textEdit" first)))
                                               (gethash "insertText" first)))))
      ;; 2. What a user gets from completion-at-point.
      (gitlab-test-put :completion-feature
                       (if (lsp-feature? "textDocument/completion") t :json-false))
      ;; In batch mode lsp-mode configured the buffer before the server's capabilities were
      ;; known, so its configure hook left `lsp-completion-mode' off: turn it on as that hook
      ;; does, so that `completion-at-point' reaches lsp-mode's capf.
      (unless (bound-and-true-p lsp-completion-mode)
        (lsp-completion-mode 1))
      (let ((before (buffer-substring-no-properties (point-min) (point-max))))
        (completion-at-point)
        (gitlab-test-put :before before)
        (gitlab-test-put :after (buffer-substring-no-properties (point-min) (point-max))))
      (with-timeout (20 nil)           ; the feature state may still be on its way
          (while (string-empty-p (gitlab-lsp-status))
            (accept-process-output nil 0.1)))
        (gitlab-test-put :status (gitlab-lsp-status))
      (gitlab-test-finish 0))
  (error
   (gitlab-test-put :error (error-message-string err))
   (gitlab-test-finish 1)))
