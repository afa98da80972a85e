using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

using OrderGrid.Silo.Cluster;

namespace OrderGrid.Tests.Faults;

/// <summary>
/// An OrderGrid silo in a process of its own (the built <c>OrderGrid.Silo.dll</c>, Development keys, External storage
/// on <paramref name="connectionString"/>, no demo data), so that a test can kill it for real (SIGKILL) and start it
/// again on the same ports. Membership timeouts are short, through <c>OrderGrid:Cluster:Membership</c>. Disposing
/// kills the process; so does the end of the test process, should a test never get to dispose it.
/// </summary>
public sealed class SiloProcess(string name, string connectionString) : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> output = new();
    private readonly (int Silo, int Gateway, int Http) ports = DistinctPorts();
    private Process? process;

    public string Name { get; } = name;

    public int HttpPort => ports.Http;

    /// <summary>The silo's own build output, beside this test assembly's: <c>silo/bin/&lt;configuration&gt;/&lt;tfm&gt;</c>.</summary>
    public static string Folder
    {
        get
        {
            var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var (framework, configuration) = (testOutput.Name, testOutput.Parent!.Name);
            return Path.Combine(Repository.Root, "silo", "bin", configuration, framework);
        }
    }

    public HttpClient Client() => new() { BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}") };

    public HttpClient Ops()
    {
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", PostgresApp.OpsKey);
        return client;
    }

    /// <summary>Starts the process and waits until <c>/health/ready</c> answers 200.</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(Folder, "OrderGrid.Silo.dll"));
        foreach (var (key, value) in Settings())
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        var started = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process = started;
        started.OutputDataReceived += (_, line) => Keep(line.Data);
        started.ErrorDataReceived += (_, line) => Keep(line.Data);
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;

        using var client = Client();
        await ApiCalls.Eventually(
            async () =>
            {
                if (started.HasExited)
                {
                    throw new InvalidOperationException($"Silo {Name} exited with code {started.ExitCode}:{Environment.NewLine}{Log}");
                }

                using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                return ready.StatusCode;
            },
            status => status == HttpStatusCode.OK,
            $"silo {Name} ready",
            120);
    }

    /// <summary>SIGKILL: no shutdown, no goodbye to the cluster.</summary>
    public void Kill()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process?.Dispose();
        process = null;
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
    }

    /// <summary>The last lines the process wrote (warnings and errors), for a failure message.</summary>
    public string Log => string.Join(Environment.NewLine, output);

    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }

    private IEnumerable<(string Key, string Value)> Settings() =>
    [
        ("urls", $"http://127.0.0.1:{HttpPort}"),
        ("contentRoot", Folder),
        ("OrderGrid:Storage:Mode", "External"),
        ("OrderGrid:Identity:SigningKey", PostgresApp.SigningKey),
        ("ConnectionStrings:OrderGrid", connectionString),
        ("OrderGrid:Cluster:SiloPort", ports.Silo.ToString(CultureInfo.InvariantCulture)),
        ("OrderGrid:Cluster:GatewayPort", ports.Gateway.ToString(CultureInfo.InvariantCulture)),
        ("OrderGrid:Cluster:Membership:ProbeTimeout", "00:00:02"),
        ("OrderGrid:Cluster:Membership:NumMissedProbesLimit", "2"),
        ("OrderGrid:Cluster:Membership:NumVotesForDeathDeclaration", "1"),
        ("OrderGrid:Cluster:Membership:TableRefreshTimeout", "00:00:02"),
        ("OrderGrid:Cluster:Membership:IAmAliveTablePublishTimeout", "00:00:02"),
        ("OrderGrid:Demo:Seed", "false"),
        ("OrderGrid:Demo:Simulate", "false"),
        ("OrderGrid:Planning:Train", "false"),

        // The test's clients all come from one address: the public per-IP limits would turn them away.
        ("OrderGrid:RateLimits:Placement:PermitLimit", "100000000"),
        ("OrderGrid:RateLimits:Tracking:PermitLimit", "100000000"),
        ("OrderGrid:RateLimits:Follow:PerConnection:PermitLimit", "100000000"),
        ("OrderGrid:RateLimits:Follow:PerAddress:PermitLimit", "100000000"),
        ("OrderGrid:RateLimits:Carts:PermitLimit", "100000000"),
        ("OrderGrid:RateLimits:SignIn:PermitLimit", "100000000"),
        ("Logging:LogLevel:Default", "Warning"),
    ];

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue($"[{Name}] {line}");
        while (output.Count > 1000)
        {
            output.TryDequeue(out _);
        }
    }

    private void KillOnExit(object? sender, EventArgs e)
    {
        try
        {
            process?.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
    }

    private static (int Silo, int Gateway, int Http) DistinctPorts()
    {
        var silo = FreePorts.Pick();
        var gateway = FreePorts.Pick(silo);
        return (silo, gateway, FreePorts.Pick(silo, gateway));
    }
}