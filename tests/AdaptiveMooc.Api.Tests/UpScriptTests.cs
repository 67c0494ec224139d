using System.Diagnostics;

namespace AdaptiveMooc.Api.Tests;

/// <summary>
/// scripts/up.sh's process bookkeeping (<c>up_alive</c>, <c>up_start</c>, <c>up_stop_pidfile</c>), run in bash
/// with a child held between fork and exec: its log is a FIFO nobody reads yet, so the redirection blocks
/// the forked shell exactly where a loaded machine used to catch a starting silo or API.
/// </summary>
public sealed class UpScriptTests
{
    private const string Script = """
        set -euo pipefail
        tmp="$UP_TEST_DIR"
        ROOT="$tmp"; CONFIG=Release
        source "$UP_TEST_SCRIPT"
        UP_DETACH=1
        mkdir -p "$UP_RUN"
        mkfifo "$tmp/svc.log"
        touch "$tmp/AdaptiveMooc.marker"
        up_start svc "$tmp/svc.log" MOOC_TEST=1 -- tail -f "$tmp/AdaptiveMooc.marker"
        pid="$(cat "$UP_RUN/svc.pid")"
        trap 'kill "$pid" 2>/dev/null || true' EXIT
        sleep 0.3
        if tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q 'AdaptiveMooc'; then
          echo "setup: the child already exec'd"; exit 3
        fi
        up_alive "$pid" || { echo "FAIL: a child between fork and exec was seen as exited"; exit 1; }
        cat "$tmp/svc.log" >/dev/null &
        for i in $(seq 1 100); do
          tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'tail' && break
          sleep 0.05
        done
        up_alive "$pid" || { echo "FAIL: the running child was seen as exited"; exit 1; }
        ( sleep 30 & echo $! >"$tmp/stranger.pid" )
        stranger="$(cat "$tmp/stranger.pid")"
        if up_alive "$stranger"; then echo "FAIL: a process that is not ours was taken for ours"; kill "$stranger"; exit 1; fi
        kill "$stranger"
        up_stop_pidfile "$UP_RUN/svc.pid"
        sleep 0.1
        if up_alive "$pid"; then echo "FAIL: up_stop_pidfile left the child running"; exit 1; fi
        [ ! -e "$UP_RUN/svc.pid" ] || { echo "FAIL: pid file kept"; exit 1; }
        echo ok
        """;

    [Fact]
    public async Task A_child_that_has_not_exec_yet_is_alive_and_is_stopped()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var upScript = Path.Combine(RepositoryRoot(), "scripts", "up.sh");
        var work = Directory.CreateTempSubdirectory("mooc-up-").FullName;
        try
        {
            // The test's own command line must not name AdaptiveMooc (the forked child starts as a copy of it),
            // so the script is a file in the temporary folder and its paths come through the environment.
            var scriptPath = Path.Combine(work, "up-alive.sh");
            await File.WriteAllTextAsync(scriptPath, Script);
            var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(scriptPath);
            start.Environment["UP_TEST_DIR"] = work;
            start.Environment["UP_TEST_SCRIPT"] = upScript;

            using var process = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            var text = await output + await error;
            Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {text}");
            Assert.Contains("ok", text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "AdaptiveMooc.sln")))
        {
            root = root.Parent;
        }

        return root?.FullName ?? throw new InvalidOperationException("AdaptiveMooc.sln not found above " + AppContext.BaseDirectory);
    }
}
