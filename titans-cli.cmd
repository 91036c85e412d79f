@echo off
rem Runs titans-cli on Windows. Two layouts, one launcher (as ./titans-cli on Linux and macOS):
rem - a distribution (titans-cli-win32-x64.zip: titans-cli.jar, lib\, natives\ beside this file): runs the jar;
rem - the repository: runs cli\target\titans-cli.jar, building it with mvnw.cmd first when it is missing
rem   (after changing sources, rebuild with: mvnw.cmd -q -B -DskipTests -pl cli -am package).
setlocal
set "TITANS_ROOT=%~dp0"
if exist "%TITANS_ROOT%titans-cli.jar" (
  set "TITANS_JAR=%TITANS_ROOT%titans-cli.jar"
) else (
  set "TITANS_JAR=%TITANS_ROOT%cli\target\titans-cli.jar"
)
if not exist "%TITANS_JAR%" (
  if not exist "%TITANS_ROOT%mvnw.cmd" (
    echo titans-cli: %TITANS_JAR% is missing: this distribution is incomplete; unpack titans-cli-win32-x64.zip again 1>&2
    exit /b 2
  )
  echo titans-cli: building the CLI ^(first use; takes a minute^)... 1>&2
  pushd "%TITANS_ROOT%"
  call mvnw.cmd -B -q -DskipTests -pl cli -am package 1>&2
  popd
  if exist "%TITANS_ROOT%cli\target\titans-cli-lsp.jsa" del "%TITANS_ROOT%cli\target\titans-cli-lsp.jsa"
)
if not exist "%TITANS_JAR%" (
  echo titans-cli: the build failed; the output above says why 1>&2
  exit /b 2
)
set "TITANS_JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "TITANS_JAVA=%JAVA_HOME%\bin\java.exe"
rem `titans-cli lsp`: the language server's class-data archive beside the jar, which the server makes itself after
rem its first session (server\...\StartupArchive.java) and every later start maps. CDS warnings go to stderr: stdout
rem carries JSON-RPC. A jar rebuilt outside this script leaves a stale archive: delete titans-cli-lsp.jsa then.
set "TITANS_CDS="
for %%F in ("%TITANS_JAR%") do set "TITANS_JSA=%%~dpFtitans-cli-lsp.jsa"
if /i not "%~1"=="lsp" goto run
if not "%~2"=="" goto run
if exist "%TITANS_JSA%" set "TITANS_CDS=-XX:SharedArchiveFile="%TITANS_JSA%" -Xlog:disable -Xlog:all=warning:stderr"
set "TITANS_CDS=%TITANS_CDS% -Dtitans.cds.archive="%TITANS_JSA%""
:run
rem libtorch's own warnings are silenced in-process after it loads, unless --verbose.
"%TITANS_JAVA%" %TITANS_CDS% %TITANS_JAVA_OPTS% -jar "%TITANS_JAR%" %*
exit /b %ERRORLEVEL%
