@echo off
setlocal
set "APP_HOME=%~dp0.."
if defined JAVA_HOME (
  set "JAVACMD=%JAVA_HOME%\bin\java.exe"
) else (
  set "JAVACMD=java.exe"
)
"%JAVACMD%" -XX:+UseSerialGC -Xshare:auto -Xlog:disable -Xlog:all=warning:stderr %JAVA_OPTS% -Dnotif.home="%APP_HOME%" -cp "%APP_HOME%\lib\*" dev.notif.Main %*
exit /b %ERRORLEVEL%
