;;; eglot-test.el --- Emacs + eglot against segdoc-language-server (found on PATH), headless  -*- lexical-binding: t -*-
;;
;;   SEGDOC_DOC=<file.md> SEGDOC_OUT=<result.json> emacs --batch -l eglot-test.el
;;
;; --batch skips the user's init file but loads the site files, so Debian's elpa-eglot (and
;; elpa-markdown-mode, when installed) are on the load path. The script opens the document,
;; waits for eglot's diagnostics (flymake), applies the preferred quick fix through
;; `eglot-code-actions' as a user picks it (the default entry of its prompt), waits for the
;; new diagnostics and writes what it saw to SEGDOC_OUT as JSON; editors.test.ts asserts on
;; that file. Every wait is bounded; on any error the file holds the error and Emacs exits 1.

(require 'cl-lib)
(require 'json)
(require 'eglot)

(defconst segdoc-test-doc (or (getenv "SEGDOC_DOC") (error "SEGDOC_DOC is not set")))
(defconst segdoc-test-out (or (getenv "SEGDOC_OUT") (error "SEGDOC_OUT is not set")))
(defconst segdoc-test-wait 20 "Seconds any one wait may take.")

(defvar segdoc-test-result nil "Alist written to SEGDOC_OUT.")

(defun segdoc-test-put (key value)
  (setq segdoc-test-result (cons (cons key value) (assq-delete-all key segdoc-test-result))))

(defun segdoc-test-wait-for (what predicate)
  "Process events until PREDICATE holds; fail with WHAT after `segdoc-test-wait' seconds."
  (let ((deadline (+ (float-time) segdoc-test-wait)))
    (while (not (funcall predicate))
      (when (> (float-time) deadline) (error "Timed out waiting for %s" what))
      (accept-process-output nil 0.05))))

;; markdown-mode comes from Debian's elpa-markdown-mode (or MELPA); without it the buffer is
;; in text-mode, and the server still knows a .md file by its name.
(unless (require 'markdown-mode nil t)
  (add-to-list 'auto-mode-alist '("\\.md\\'" . text-mode))
  (add-hook 'text-mode-hook #'eglot-ensure))

;; ---- The set-up docs/editors.md shows for Emacs with eglot, verbatim. ----
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               '((markdown-mode gfm-mode text-mode)
                 . ("segdoc-language-server"
                    :initializationOptions (:settings (:validate "onType" :language "ru")
                                            :locale "ru")))))
;; Answers the server's workspace/configuration requests (section "segdoc").
(setq-default eglot-workspace-configuration
              '((:segdoc . (:validate "onType" :language "ru"))))
(add-hook 'markdown-mode-hook #'eglot-ensure)
;; ---- End of the set-up. ----

(defun segdoc-test-diagnostics ()
  "The segdoc diagnostics flymake holds, with their places as Emacs sees them."
  (cl-loop for d in (flymake-diagnostics)
           for lsp = (cdr (assoc 'eglot-lsp-diag (eglot--diag-data d)))
           when (equal (plist-get lsp :source) "segdoc")
           collect (let ((beg (flymake-diagnostic-beg d)) (end (flymake-diagnostic-end d)))
                     (save-excursion
                       (goto-char beg)
                       `((line . ,(1- (line-number-at-pos beg)))
                         ;; Characters from the start of the line: on a Cyrillic line these
                         ;; equal the server's UTF-16 columns only if eglot converted them.
                         (column . ,(- beg (line-beginning-position)))
                         (endColumn . ,(- end (save-excursion (goto-char end) (line-beginning-position))))
                         (code . ,(plist-get lsp :code))
                         (message . ,(flymake-diagnostic-text d))
                         (range . ,(plist-get lsp :range)))))))

(defun segdoc-test-run ()
  (segdoc-test-put 'version emacs-version)
  (segdoc-test-put 'eglot (file-name-nondirectory (directory-file-name (file-name-directory (locate-library "eglot")))))
  (find-file segdoc-test-doc)
  (switch-to-buffer (current-buffer))
  ;; eglot-ensure connects from post-command-hook; there are no commands in batch mode.
  (run-hooks 'post-command-hook)
  (segdoc-test-wait-for "eglot to connect" (lambda () eglot--managed-mode))
  (flymake-start)
  (segdoc-test-wait-for "diagnostics" (lambda () (segdoc-test-diagnostics)))
  (let* ((diagnostics (segdoc-test-diagnostics))
         (first (car diagnostics))
         (buffer (current-buffer)))
    (segdoc-test-put 'diagnostics diagnostics)
    ;; The quick fix: point on the diagnostic, M-x eglot-code-actions, RET on the default
    ;; entry of the prompt (eglot proposes the preferred action).
    (goto-char (point-min))
    (forward-line (alist-get 'line first))
    (forward-char (alist-get 'column first))
    (let ((last-nonmenu-event ?\r)
          (tick (buffer-chars-modified-tick)))
      (cl-letf (((symbol-function 'completing-read)
                 (lambda (_prompt collection &rest args)
                   (segdoc-test-put 'actions (mapcar #'car collection))
                   (nth 4 args))))
        (call-interactively #'eglot-code-actions))
      (segdoc-test-wait-for "the quick fix" (lambda () (/= tick (buffer-chars-modified-tick buffer)))))
    ;; Eglot sends the change from an idle timer, and batch Emacs is never idle: saving sends
    ;; it (didChange, then didSave), as C-x C-s would.
    (save-buffer)
    (segdoc-test-wait-for "diagnostics after the fix"
                          (lambda () (not (cl-find (alist-get 'code first) (segdoc-test-diagnostics)
                                                   :key (lambda (d) (alist-get 'code d)) :test #'equal))))
    (segdoc-test-put 'after (or (segdoc-test-diagnostics) []))
    (segdoc-test-put 'text (buffer-substring-no-properties (point-min) (point-max)))
    (let ((server (eglot-current-server)))
      (set-buffer-modified-p nil)
      (eglot-shutdown server)
      (segdoc-test-put 'stopped (not (jsonrpc-running-p server))))))

(defun segdoc-test-write ()
  (let ((coding-system-for-write 'utf-8-unix))
    (with-temp-file segdoc-test-out
      (insert (json-encode segdoc-test-result)))))

(condition-case err
    (progn
      (segdoc-test-run)
      (segdoc-test-write)
      (kill-emacs 0))
  (error
   (segdoc-test-put 'error (error-message-string err))
   (segdoc-test-write)
   (kill-emacs 1)))

;;; eglot-test.el ends here
