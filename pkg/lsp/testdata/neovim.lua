-- End-to-end test of `crlint lsp` with Neovim's own client (0.7 and
-- later): run headless by TestNeovim with CRLINT (the binary) and MODEL
-- (a copy of testdata/shop.toml) in the environment. It prints "ok" and
-- exits 0, or prints what failed and exits 1.
local crlint, model = os.getenv('CRLINT'), os.getenv('MODEL')

local function check(cond, msg)
  if not cond then error(msg, 2) end
end

local function code_of(d)
  if d.code then return d.code end
  local lsp = d.user_data and d.user_data.lsp
  return lsp and lsp.code
end

local function diags_with(buf, code)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if code_of(d) == code then table.insert(out, d) end
  end
  return out
end

local function request(buf, method, params)
  local res, err = vim.lsp.buf_request_sync(buf, method, params, 10000)
  check(res, method .. ': ' .. tostring(err))
  for _, r in pairs(res) do
    check(not r.err, method .. ': ' .. vim.inspect(r.err))
    return r.result
  end
  error(method .. ': no answer')
end

local function at(buf, line, char)
  return { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = line, character = char } }
end

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(model))
  local buf = vim.api.nvim_get_current_buf()
  local id = vim.lsp.start_client({
    name = 'crlint', cmd = { crlint, 'lsp' }, root_dir = vim.fn.fnamemodify(model, ':h'),
  })
  check(id, 'start_client failed')
  check(vim.lsp.buf_attach_client(buf, id), 'buf_attach_client failed')

  -- Diagnostics arrive, with the server's range.
  check(vim.wait(20000, function() return #diags_with(buf, 'CR006') == 1 end, 20), 'no CR006 diagnostic')
  local d = diags_with(buf, 'CR006')[1]
  check(d.lnum == 13 and d.col == 19 and d.end_col == 31, 'CR006 at ' .. vim.inspect({ d.lnum, d.col, d.end_col }))
  check(d.source == 'crlint', 'source ' .. tostring(d.source))

  -- Hover on a reference shows the item it names.
  local hover = request(buf, 'textDocument/hover', at(buf, 19, 14))
  check(hover and hover.contents.value:find('segment `smb` — Small businesses', 1, true), 'hover: ' .. vim.inspect(hover))

  -- Definition and references of an id.
  local def = request(buf, 'textDocument/definition', at(buf, 13, 14))
  check(def and #def == 1 and def[1].range.start.line == 3 and def[1].range.start.character == 5, 'definition: ' .. vim.inspect(def))
  local p = at(buf, 3, 6)
  p.context = { includeDeclaration = true }
  local refs = request(buf, 'textDocument/references', p)
  check(refs and #refs == 3, 'references: ' .. vim.inspect(refs))

  -- A code action: the safe fix, applied to the buffer, not saved.
  local range = { start = { line = 13, character = 22 }, ['end'] = { line = 13, character = 22 } }
  local actions = request(buf, 'textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(buf) }, range = range, context = { diagnostics = {} },
  })
  check(actions and actions[1].title == 'Replace "enterprize" with "enterprise" (CR006)', 'code actions: ' .. vim.inspect(actions))
  vim.lsp.util.apply_workspace_edit(actions[1].edit, 'utf-16')
  check(vim.api.nvim_buf_get_lines(buf, 13, 14, true)[1] == 'segments = ["smb", "enterprise"]', 'fix not applied')
  check(vim.wait(20000, function() return #diags_with(buf, 'CR006') == 0 end, 20), 'CR006 still shown after the fix')

  -- Typing (without saving) makes a new finding appear.
  vim.api.nvim_buf_set_text(buf, 14, 24, 14, 24, { 'x' })
  check(vim.wait(20000, function() return #diags_with(buf, 'CR003') == 2 end, 20), 'no CR003 for "retentionx": ' .. vim.inspect(vim.diagnostic.get(buf)))

  -- Rename an id and every reference to it.
  local edit = request(buf, 'textDocument/rename', { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 3, character = 6 }, newName = 'small' })
  vim.lsp.util.apply_workspace_edit(edit, 'utf-16')
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, true)
  check(lines[4] == 'id = "small"' and lines[14] == 'segments = ["small", "enterprise"]' and lines[20] == 'segments = ["small"]', 'rename: ' .. vim.inspect(lines))

  -- The file on disk is untouched: nothing was saved.
  local disk = io.open(model):read('*a')
  check(disk:find('enterprize', 1, true), 'the model was written')

  vim.lsp.stop_client(id)
end

local ok, err = pcall(run)
if ok then
  io.stdout:write('ok\n')
  vim.cmd('qall!')
else
  io.stdout:write('FAIL: ' .. tostring(err) .. '\n')
  vim.cmd('cquit 1')
end
