using System.Diagnostics;
using Xunit;

namespace GeneralizationProofs.Tests;

/// <summary>The report pages opened in headless Chromium: found (or skipped, failing under CI) and run on a closed network.</summary>
public static class HeadlessChromium
{
    /// <summary>The browser's path; skips the test when it is missing, and fails it under CI.</summary>
    public static string Find()
    {
        var chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
        if (chromium is null)
        {
            const string message = "chromium not installed (apt-get install -y chromium; .ci/run installs it)";
            if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 })
            {
                Assert.Fail(message);
            }
            Skip.If(true, message);
        }
        return chromium!;
    }

    public static (string Stdout, string Stderr) Run(string chromium, string folder, string action, string url)
    {
        var info = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        // As root and on a closed network: no sandbox, no background connections, a fresh profile.
        foreach (var arg in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     $"--user-data-dir={Path.Combine(folder, "chromium-profile")}", "--window-size=1280,900",
                     "--enable-logging=stderr", "--v=0", action, url,
                 })
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), "chromium did not finish in 2 minutes");
        Assert.True(process.ExitCode == 0, $"chromium exited {process.ExitCode}: {stderr.Result}");
        return (stdout.Result, stderr.Result);
    }
}
