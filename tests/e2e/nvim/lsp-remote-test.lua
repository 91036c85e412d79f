-- Neovim 0.7 as the LSP client of titans-server, saving specs whose target is remote: the server starts each
-- job through the engine's runner for the target (as `titans-cli run` does). Steps, each a spec:
--   TITANS_SSH_RUN     target ssh: the real titans-cli runs through sshd; its verdict comes back as a diagnostic
--   TITANS_SSH_CANCEL  target ssh, a job that sleeps: titans.cancel kills the remote process group
--   TITANS_SSH_LOST    target ssh, a job that sleeps: the ssh session is killed; the server says so, no hang
--   TITANS_SLURM_RUN   target slurm (optional): the real titans-cli runs as a Slurm job; its verdict comes back
local jar = os.getenv('TITANS_JAR')
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
  root_dir = vim.fn.fnamemodify(os.getenv('TITANS_SSH_RUN'), ':h'),
  init_options = { debounceMs = 50, carbonRegion = 'BRA' },
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      published[#published + 1] = result
      vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
    end,
  },
})
check(client_id ~= nil, 'server started')

local function find(uri, pattern)
  for i = #published, 1, -1 do
    if published[i].uri == uri then
      for _, d in ipairs(published[i].diagnostics) do
        if string.find(d.message, pattern, 1, true) then return d end
      end
    end
  end
end

-- Opens the spec, attaches the server, waits for its first diagnostics (the server has the document), and
-- saves it: the save starts the job. Returns the document URI.
local function save(spec)
  vim.cmd('edit ' .. spec)
  vim.lsp.buf_attach_client(0, client_id)
  local uri = vim.uri_from_bufnr(0)
  local seen = vim.wait(90000, function()
    for _, p in ipairs(published) do if p.uri == uri then return true end end
    return false
  end, 50)
  check(seen, 'diagnostics for ' .. vim.fn.fnamemodify(spec, ':t') .. ' before the save')
  vim.cmd('silent write')
  return uri
end

local function sh(cmd)
  return vim.trim(vim.fn.system(cmd))
end

-- The remote job's process group (its pid file under the target's workdir), once it started.
local function remote_group(workdir)
  local pg
  vim.wait(120000, function()
    local f = vim.fn.glob(workdir .. '/jobs/*/pid')
    if f == '' then return false end
    pg = sh('cat ' .. vim.fn.shellescape(vim.split(f, '\n')[1]))
    return pg ~= ''
  end, 200)
  return pg
end

-- Through kill(1) itself, not the shell's builtin: Neovim's 'shell' is sh, and dash's kill takes no `--`.
local function alive(pg)
  vim.fn.system({ 'kill', '-0', '--', '-' .. pg })
  return vim.v.shell_error == 0
end

-- 1. target ssh: the real engine on the host, its verdict on the expect line
local uri = save(os.getenv('TITANS_SSH_RUN'))
local met
check(vim.wait(300000, function()
  met = find(uri, 'expect met: flops <= 60%')
  local died = find(uri, 'could not start') or find(uri, 'the job died') or find(uri, 'run failed')
  if died then out('job error: ' .. died.message) return true end
  return met ~= nil
end, 200) and met ~= nil, 'ssh: the remote run\'s verdict came back as a diagnostic')
if met then check(met.range.start.line == 8 and met.severity == 3, 'ssh: on the expect line, at Information severity') end

-- 2. target ssh, cancel: the remote process group ends
uri = save(os.getenv('TITANS_SSH_CANCEL'))
local pg = remote_group(os.getenv('TITANS_SSH_CANCEL_WORKDIR'))
check(pg ~= nil and alive(pg), 'ssh: the job runs on the host (process group ' .. tostring(pg) .. ')')
local resp = vim.lsp.buf_request_sync(0, 'workspace/executeCommand', { command = 'titans.cancel', arguments = { uri } }, 30000)
local answer
for _, r in pairs(resp or {}) do answer = r.result end
check(answer == 'cancelled', 'ssh: titans.cancel answered ' .. tostring(answer))
check(pg ~= nil and vim.wait(30000, function() return not alive(pg) end, 200), 'ssh: cancel killed the remote process group')

-- 3. target ssh, the connection drops (the session's sshd is killed): a diagnostic, not a hang
uri = save(os.getenv('TITANS_SSH_LOST'))
local lost_pg = remote_group(os.getenv('TITANS_SSH_LOST_WORKDIR'))
check(lost_pg ~= nil and alive(lost_pg), 'ssh: the second job runs on the host')
vim.wait(1000)
local sessions = sh('ps -o pid= --ppid ' .. os.getenv('TITANS_SSHD_PID'))
check(sessions ~= '', 'ssh: sshd has a session for the job: ' .. sessions:gsub('%s+', ' '))
for pid in sessions:gmatch('%d+') do sh('kill ' .. pid) end
local lost
check(vim.wait(60000, function() lost = find(uri, 'connection to titans-e2e lost') return lost ~= nil end, 200),
  'ssh: a lost connection is a diagnostic' .. (lost and (': ' .. lost.message) or ''))
if lost then check(lost.severity == 1, 'ssh: as an error') end

-- 4. target slurm (when the test Slurm is up): the real engine as a Slurm job
local slurm = os.getenv('TITANS_SLURM_RUN')
if slurm and slurm ~= '' then
  uri = save(slurm)
  met = nil
  check(vim.wait(300000, function()
    met = find(uri, 'expect met: flops <= 60%')
    local died = find(uri, 'could not start') or find(uri, 'the job died') or find(uri, 'run failed') or find(uri, 'Slurm job')
    if died then out('job error: ' .. died.message) return true end
    return met ~= nil
  end, 200) and met ~= nil, 'slurm: the Slurm job\'s verdict came back as a diagnostic')
end

out(string.format('%d failure(s)', failures))
vim.lsp.stop_client(client_id)
vim.cmd(failures == 0 and 'qa!' or 'cq!')
