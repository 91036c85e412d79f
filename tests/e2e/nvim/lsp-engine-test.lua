-- Neovim against titans-server with its default job command: saving runs the real engine (JobMain in a
-- separate JVM) on a tiny spec, and its verdict comes back as a diagnostic on the expect line.
local jar, spec = os.getenv('TITANS_JAR'), os.getenv('TITANS_SPEC')
local out = function(s) io.stdout:write(s .. '\n') end
local published = {}
local client_id = vim.lsp.start_client({
  name = 'titans',
  cmd = { 'java', '-jar', jar },
  root_dir = vim.fn.fnamemodify(spec, ':h'),
  init_options = { debounceMs = 50 },
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      published[#published + 1] = result
      vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
    end,
  },
})
vim.cmd('edit ' .. spec)
vim.lsp.buf_attach_client(0, client_id)
vim.wait(60000, function() return #published > 0 end, 50)
vim.cmd('silent write')
local met
local ok = vim.wait(170000, function()
  for _, p in ipairs(published) do
    for _, d in ipairs(p.diagnostics) do
      if string.find(d.message, 'expect met: flops <= 60%', 1, true) then met = d return true end
      if d.source == 'titans-run' and d.severity == 1 then out('job error: ' .. d.message) return true end
    end
  end
  return false
end, 100)
ok = ok and met ~= nil and met.range.start.line == 8 and met.severity == 3
out((ok and 'ok   ' or 'FAIL ') .. 'the real engine\'s verdict on the expect line')
vim.lsp.stop_client(client_id)
vim.cmd(ok and 'qa!' or 'cq!')
