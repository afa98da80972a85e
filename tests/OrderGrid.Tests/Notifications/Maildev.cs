using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace OrderGrid.Tests.Notifications;

/// <summary>
/// A real local SMTP server: the <c>maildev</c> npm package of <c>Notifications/maildev</c> (installed by <c>npm ci</c>
/// here when a clean clone lacks it), started on free loopback ports; its REST API lists what it received.
/// </summary>
public sealed class Maildev : IAsyncDisposable
{
    private static readonly SemaphoreSlim Installing = new(1, 1);

    private readonly Process _process;
    private readonly HttpClient _api;

    private Maildev(Process process, int smtpPort, int webPort)
    {
        _process = process;
        SmtpPort = smtpPort;
        _api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public int SmtpPort { get; }

    public static async Task<Maildev> Start()
    {
        var folder = Path.Combine(Repository.Root, "tests", "OrderGrid.Tests", "Notifications", "maildev");
        var program = Path.Combine(folder, "node_modules", "maildev", "bin", "maildev");
        await Install(folder, program);
        var (smtpPort, webPort) = (FreePort(), FreePort());
        var process = Process.Start(new ProcessStartInfo("node")
        {
            ArgumentList = { program, "--smtp", $"{smtpPort}", "--web", $"{webPort}", "--ip", "127.0.0.1", "--web-ip", "127.0.0.1" },
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("node did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var maildev = new Maildev(process, smtpPort, webPort);
        await OrderGridApp.Eventually(maildev.Answers, up => up, "maildev answering on its web port");
        return maildev;
    }

    /// <summary>Every mail received so far, as maildev's <c>GET /email</c> lists them (subject, to, text, html…).</summary>
    public async Task<JsonArray> Emails()
    {
        using var response = await _api.GetAsync(new Uri("email", UriKind.Relative));
        return await Json.ReadArray(response);
    }

    public async ValueTask DisposeAsync()
    {
        _api.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task<bool> Answers()
    {
        try
        {
            using var response = await _api.GetAsync(new Uri("email", UriKind.Relative));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return _process.HasExited ? throw new InvalidOperationException($"maildev exited with code {_process.ExitCode}.") : false;
        }
    }

    // A clean clone has no node_modules: install exactly what the lock file says, once.
    private static async Task Install(string folder, string program)
    {
        await Installing.WaitAsync();
        try
        {
            if (File.Exists(program))
            {
                return;
            }

            using var npm = Process.Start(new ProcessStartInfo("npm")
            {
                ArgumentList = { "ci", "--no-audit", "--no-fund" },
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }) ?? throw new InvalidOperationException("npm did not start.");
            var output = npm.StandardOutput.ReadToEndAsync();
            var errors = await npm.StandardError.ReadToEndAsync();
            await npm.WaitForExitAsync();
            Assert.True(npm.ExitCode == 0, $"npm ci in {folder} failed ({npm.ExitCode}): {await output}{errors}");
        }
        finally
        {
            Installing.Release();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}