-- Neovim 0.7 (Debian bookworm) as a real LSP client of titans-server: diagnostics, completion after
-- `criterion `, inlay hints, and a save that runs a job whose results come back as diagnostics.
-- vim.lsp.start() only exists from 0.8, so start_client + buf_attach_client.
local jar, spec, job = os.getenv('TITANS_JAR'), os.getenv('TITANS_SPEC'), os.getenv('TITANS_JOB')
local out = function(s) io.stdout:write(s .. '\n') end
local failures = 0
local function check(ok, what)
  out((ok and 'ok   ' or 'FAIL ') .. what)
  if not ok then failures = failures + 1 end
end

local published = {}
local client_id = vim.lsp.start_client({
  name = 'titans',
  cmd = { 'java', '-jar', jar },
  root_dir = vim.fn.fnamemodify(spec, ':h'),
  init_options = { jobCommand = { 'bash', job }, debounceMs = 50, carbonRegion = 'BRA' },
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      published[#published + 1] = result
      vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
    end,
  },
})
check(client_id ~= nil, 'server started')
vim.cmd('edit ' .. spec)
vim.lsp.buf_attach_client(0, client_id)

local function find(pattern)
  for i = #published, 1, -1 do
    for _, d in ipairs(published[i].diagnostics) do
      if string.find(d.message, pattern, 1, true) then return d end
    end
  end
end

-- 1. diagnostics as the file opens
check(vim.wait(60000, function() return find("unknown criterion 'l11'") ~= nil end, 50), 'diagnostic for the typo')
local d = find("unknown criterion 'l11'")
if d then check(d.range.start.line == 6 and d.range.start.character == 14, 'at line 7, column 15') end

-- 2. completion after `criterion `
local uri = vim.uri_from_bufnr(0)
local resp = vim.lsp.buf_request_sync(0, 'textDocument/completion',
  { textDocument = { uri = uri }, position = { line = 6, character = 14 } }, 30000)
local labels = {}
for _, r in pairs(resp or {}) do
  local items = r.result and (r.result.items or r.result) or {}
  for _, item in ipairs(items) do labels[item.label] = item.detail or '' end
end
check(labels['l1'] ~= nil and labels['rank'] ~= nil and labels['fpgm'] ~= nil, 'criteria offered after `criterion `')
check(labels['wanda'] == nil, 'only criteria of `prune filters`')
check(labels['rank'] ~= nil and string.find(labels['rank'], 'needs data', 1, true) ~= nil, 'rank says it needs data')

-- 3. fix the typo, save: the job runs and its results come back
vim.api.nvim_buf_set_lines(0, 6, 7, false, { '    criterion l1' })
vim.cmd('silent write')
check(vim.wait(60000, function() return find('expect not met: flops <= 55%') ~= nil end, 50), 'the run\'s unmet expect')
local e = find('expect not met: flops <= 55%')
if e then check(e.severity == 1 and e.range.start.line == 10, 'as an error on the expect line') end
local m = find('measured: flops 125M -> 62.5M (-50%)')
check(m ~= nil and m.severity == 3, 'measured figures at Information severity')
local typo_left = false
for _, x in ipairs(published[#published].diagnostics) do
  if string.find(x.message, "'l11'", 1, true) then typo_left = true end
end
check(not typo_left, 'the latest diagnostics no longer mention the fixed typo')

-- 4. inlay hints (0.7 has no UI for them, but any method can be sent)
local hints = vim.lsp.buf_request_sync(0, 'textDocument/inlayHint',
  { textDocument = { uri = uri }, range = { start = { line = 0, character = 0 }, ['end'] = { line = 12, character = 0 } } }, 30000)
local hint_text = ''
for _, r in pairs(hints or {}) do
  for _, h in ipairs(r.result or {}) do hint_text = hint_text .. h.label .. '\n' end
end
check(string.find(hint_text, 'not met 50%', 1, true) ~= nil, 'inlay hint beside the expect')
check(string.find(hint_text, 'FLOPs', 1, true) ~= nil, 'live estimate hints')

out(string.format('%d failure(s)', failures))
vim.lsp.stop_client(client_id)
vim.cmd(failures == 0 and 'qa!' or 'cq!')
