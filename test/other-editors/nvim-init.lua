-- Neovim (0.7+) against segdoc-language-server (found on PATH), headless:
--   SEGDOC_DOC=<file.md> SEGDOC_OUT=<result.json> nvim --headless -n -i NONE -u nvim-init.lua
-- It opens the document, waits for diagnostics, applies the preferred quick fix on the first
-- one through Neovim's own code-action path (vim.lsp.buf.code_action with vim.ui.select
-- answered), waits for the new diagnostics and writes what it saw to SEGDOC_OUT as JSON.
-- editors.test.ts asserts on that file. Every wait is bounded; on any error the file
-- holds the error and Neovim exits with code 1.

local doc = assert(os.getenv('SEGDOC_DOC'), 'SEGDOC_DOC is not set')
local out = assert(os.getenv('SEGDOC_OUT'), 'SEGDOC_OUT is not set')
local WAIT_MS = 20000

local result = { version = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor), published = {} }

local function write_result()
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
end

-- What the server sends, kept as it came (UTF-16 columns) before Neovim's own handler converts it.
local publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
  table.insert(result.published, params)
  return publish(err, params, ctx, config)
end

-- ---- The set-up docs/editors.md shows for Neovim 0.7 to 0.10, verbatim. ----
local segdoc_client
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'markdown',
  callback = function(args)
    if not segdoc_client or vim.lsp.client_is_stopped(segdoc_client) then
      segdoc_client = vim.lsp.start_client({
        name = 'segdoc',
        cmd = { 'segdoc-language-server' },
        root_dir = vim.fn.getcwd(),
        -- Neovim before 0.8 cannot answer workspace/configuration: settings go with initialize.
        init_options = { settings = { validate = 'onType', language = 'ru' }, locale = 'ru' },
      })
    end
    vim.lsp.buf_attach_client(args.buf, segdoc_client)
  end,
})
-- ---- End of the set-up. ----

local function segdoc_diagnostics(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.source == 'segdoc' then
      local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
      table.insert(list, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, message = d.message, code = code })
    end
  end
  return list
end

local function run()
  -- Startup has not turned filetype detection on yet while this file runs.
  vim.cmd('filetype on')
  vim.cmd('edit ' .. vim.fn.fnameescape(doc))
  local bufnr = vim.api.nvim_get_current_buf()
  assert(vim.bo[bufnr].filetype == 'markdown', 'the document is not a markdown buffer: ' .. vim.bo[bufnr].filetype)
  assert(segdoc_client, 'the FileType autocommand did not start the server')
  local client_id = segdoc_client

  assert(vim.wait(WAIT_MS, function() return #segdoc_diagnostics(bufnr) > 0 end, 20), 'no diagnostics arrived')
  result.diagnostics = segdoc_diagnostics(bufnr)
  local first = result.diagnostics[1]
  -- Byte columns (Neovim's own, converted from the server's UTF-16 ones) on the diagnostic's line.
  result.line = vim.api.nvim_buf_get_lines(bufnr, first.lnum, first.lnum + 1, false)[1]

  -- The quick fix, as a user picks it: cursor on the diagnostic, code action, the preferred entry.
  vim.api.nvim_win_set_cursor(0, { first.lnum + 1, first.col })
  vim.ui.select = function(items, _, on_choice)
    result.actions = {}
    local chosen
    for i, item in ipairs(items) do
      local action = item.action or item[2]
      table.insert(result.actions, action.title)
      if action.isPreferred and not chosen then chosen = i end
    end
    if chosen then on_choice(items[chosen], chosen) else on_choice(nil, nil) end
  end
  local before = vim.api.nvim_buf_get_changedtick(bufnr)
  vim.lsp.buf.code_action()
  assert(vim.wait(WAIT_MS, function() return vim.api.nvim_buf_get_changedtick(bufnr) ~= before end, 20), 'the quick fix changed nothing')
  local fixed_version = vim.lsp.util.buf_versions[bufnr]
  assert(vim.wait(WAIT_MS, function()
    local last = result.published[#result.published]
    return last.version == nil or last.version >= fixed_version
  end, 20), 'no diagnostics arrived after the fix')
  result.text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  result.after = segdoc_diagnostics(bufnr)

  vim.lsp.stop_client(client_id)
  result.stopped = vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
end

local ok, err = xpcall(run, debug.traceback)
if not ok then result.error = tostring(err) end
write_result()
vim.cmd(ok and 'qall!' or 'cquit! 1')
