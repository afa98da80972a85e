using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using OrderGrid.Api;
using OrderGrid.Silo.Hosting;
using OrderGrid.Silo.Storage;

namespace OrderGrid.Bench;

/// <summary>
/// What a scenario runs against. With <c>--url</c>, a silo someone else started (and, with <c>--connection</c>, its
/// database for pgbench). Without, the bench starts its own: with <c>--storage postgres</c> (default) a PostgreSQL
/// server in a fresh temporary folder with the server's default durability (<c>fsync</c> and <c>synchronous_commit</c>
/// on) and OrderGrid in External storage mode on it, with <c>--storage memory</c> no database and OrderGrid's InMemory
/// storage. OrderGrid runs, with <c>--server process</c> (default), as a child process (<c>dotnet OrderGrid.Silo.dll</c>
/// from this tool's output folder, which the project reference fills) so that its CPU is counted apart from the load
/// clients'; with <c>--server inline</c> in this process (what <c>hotsku</c> needs: it calls the grains directly).
/// Either way on a free loopback port, Release build, in the Production environment as a deployment runs it (no
/// developer exception page, no scope validation), with a staff key of the ops role made for this run
/// (<see cref="StaffKey"/>), no demo data, and public rate limits raised (all clients share one address). A silo given by <c>--url</c> needs the same raise:
/// <c>--OrderGrid:RateLimits:Placement:PermitLimit=100000000 --OrderGrid:RateLimits:Tracking:PermitLimit=100000000</c>
/// (and the same for <c>Carts</c>, <c>SignIn</c>, <c>Follow:PerConnection</c> and <c>Follow:PerAddress</c>).
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    /// <summary>The ops key of a silo given by <c>--url</c> when <c>--key</c> is not given: the Development demo key.</summary>
    public const string DemoOpsKey = "demo-ops-key-0000000001";

    public const string Inline = "inline";

    public const string ChildProcess = "process";

    public const string External = "external";

    public const string Postgres = "postgres";

    public const string Memory = "memory";

    private readonly WebApplication? app;
    private readonly SiloChild? child;
    private readonly EmbeddedPostgres? postgres;
    private readonly string? dataDirectory;

    private BenchHost(Uri url, string staffKey, string server, string storage, string? connectionString, string? binDirectory, WebApplication? app, SiloChild? child, EmbeddedPostgres? postgres, string? dataDirectory)
    {
        Url = url;
        StaffKey = staffKey;
        Server = server;
        Storage = storage;
        ConnectionString = connectionString;
        BinDirectory = binDirectory;
        this.app = app;
        this.child = child;
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    public Uri Url { get; }

    /// <summary>An ops key the silo accepts: made for this run when the bench started the silo, else <c>--key</c> (default <see cref="DemoOpsKey"/>).</summary>
    public string StaffKey { get; }

    /// <summary><see cref="Inline"/>, <see cref="ChildProcess"/> or <see cref="External"/> (<c>--url</c>).</summary>
    public string Server { get; }

    /// <summary><see cref="Postgres"/> or <see cref="Memory"/>; for <c>--url</c>, what <c>--storage</c> says (default postgres).</summary>
    public string Storage { get; }

    /// <summary>The database OrderGrid stores in, when known: pgbench runs on the same server.</summary>
    public string? ConnectionString { get; }

    /// <summary>The PostgreSQL binaries (pgbench) of the installed server.</summary>
    public string? BinDirectory { get; }

    /// <summary>The grains of the silo in this process; null when the bench targets another process.</summary>
    public IGrainFactory? Grains => app?.Services.GetRequiredService<IGrainFactory>();

    /// <summary>True when the bench started OrderGrid (in this process or as a child): it starts empty.</summary>
    public bool Owned => app is not null || child is not null;

    /// <summary>The process OrderGrid runs in: a child's id, this process's own inline, null for <c>--url</c>.</summary>
    public int? ServerProcessId => child?.Id ?? (app is not null ? Environment.ProcessId : null);

    /// <summary>The PostgreSQL server's postmaster, when the bench started it.</summary>
    public int? PostgresProcessId => postgres is null || dataDirectory is null ? null : Postmaster(Path.Combine(dataDirectory, "data"));

    /// <summary>Opens what the arguments ask for; <paramref name="defaultServer"/> when <c>--server</c> is not given.</summary>
    public static async Task<BenchHost> Open(BenchArguments arguments, string defaultServer = ChildProcess)
    {
        var storage = arguments.Text("storage", Postgres).ToLowerInvariant();
        if (storage is not (Postgres or Memory))
        {
            throw new ArgumentException($"--storage: postgres or memory, not '{storage}'.");
        }

        var binDirectory = PostgresBinaries.Locate(null);
        if (arguments.Has("url"))
        {
            return new BenchHost(new Uri(arguments.Text("url")), arguments.Text("key", DemoOpsKey), External, storage, arguments.Optional("connection"), binDirectory, null, null, null, null);
        }

        var server = arguments.Text("server", defaultServer).ToLowerInvariant();
        if (server is not (Inline or ChildProcess))
        {
            throw new ArgumentException($"--server: process or inline, not '{server}'.");
        }

        var staffKey = $"bench-ops-{Guid.NewGuid():N}";
        var settings = new Dictionary<string, string?>
        {
            ["OrderGrid:Auth:ApiKeys:0:Name"] = "bench",
            ["OrderGrid:Auth:ApiKeys:0:Role"] = "ops",
            ["OrderGrid:Auth:ApiKeys:0:Key"] = staffKey,
            ["OrderGrid:Storage:MigrateOnStart"] = "true",
            ["OrderGrid:Cluster:SiloPort"] = "0",
            ["OrderGrid:Cluster:GatewayPort"] = "0",
            ["OrderGrid:Demo:Seed"] = "false",
            ["OrderGrid:Demo:Simulate"] = "false",
            ["OrderGrid:Planning:Train"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",

            // Every client of a load test comes from one address: the public per-IP limits would turn it away.
            ["OrderGrid:RateLimits:Placement:PermitLimit"] = "100000000",
            ["OrderGrid:RateLimits:Tracking:PermitLimit"] = "100000000",
            ["OrderGrid:RateLimits:Follow:PerConnection:PermitLimit"] = "100000000",
            ["OrderGrid:RateLimits:Follow:PerAddress:PermitLimit"] = "100000000",
            ["OrderGrid:RateLimits:Carts:PermitLimit"] = "100000000",
            ["OrderGrid:RateLimits:SignIn:PermitLimit"] = "100000000",
        };

        EmbeddedPostgres? postgres = null;
        string? dataDirectory = null;
        if (storage == Memory)
        {
            settings["OrderGrid:Storage:Mode"] = StorageModes.InMemory;
        }
        else
        {
            if (binDirectory is null)
            {
                throw new InvalidOperationException(PostgresBinaries.MissingMessage(null));
            }

            (postgres, dataDirectory) = await StartPostgres(binDirectory);
            settings["OrderGrid:Storage:Mode"] = StorageModes.External;
            settings["ConnectionStrings:OrderGrid"] = postgres.ConnectionString;
        }

        try
        {
            if (server == Inline)
            {
                var app = await StartInline(settings);
                var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                Console.WriteLine($"OrderGrid (this process, {storage} storage) listens on {address}");
                return new BenchHost(new Uri(address), staffKey, server, storage, postgres?.ConnectionString, binDirectory, app, null, postgres, dataDirectory);
            }

            var child = await SiloChild.Start(settings);
            Console.WriteLine($"OrderGrid (process {child.Id}, {storage} storage) listens on {child.Url}");
            return new BenchHost(child.Url, staffKey, server, storage, postgres?.ConnectionString, binDirectory, null, child, postgres, dataDirectory);
        }
        catch
        {
            if (postgres is not null)
            {
                await postgres.DisposeAsync();
                Directory.Delete(dataDirectory!, recursive: true);
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        child?.Dispose();
        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }

        if (dataDirectory is not null)
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static async Task<(EmbeddedPostgres Server, string Folder)> StartPostgres(string binDirectory)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"ordergrid-bench-{Guid.NewGuid():N}"[..32]);
        Directory.CreateDirectory(dataDirectory);
        if (EmbeddedPostgresSettings.IsRoot && !OperatingSystem.IsWindows())
        {
            // The server runs as the postgres account, which must own its folder.
            File.SetUnixFileMode(dataDirectory, (UnixFileMode)0b111_111_111);
        }

        var postgres = new EmbeddedPostgres(new EmbeddedPostgresSettings
        {
            BinDirectory = binDirectory,
            DataDirectory = Path.Combine(dataDirectory, "data"),
            Database = "ordergrid",
            StopMode = "immediate",
            // Durability stays the server's default; only room for pgbench's clients is added.
            ServerSettings = new Dictionary<string, string> { ["max_connections"] = "700" },
        });
        Console.WriteLine($"starting PostgreSQL in {dataDirectory} (fsync and synchronous_commit on) …");
        await postgres.StartAsync();
        return (postgres, dataDirectory);
    }

    private static async Task<WebApplication> StartInline(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
            ApplicationName = typeof(OrderGridSiloExtensions).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddOrderGridSilo();
        builder.Services.AddOrderGridApi(builder.Configuration, builder.Environment);
        var app = builder.Build();
        app.MapOrderGridApi();
        app.MapOrderGridTelemetry();
        await app.StartAsync();
        return app;
    }

    /// <summary>The postmaster's process id: the first line of <c>postmaster.pid</c> in its data folder.</summary>
    private static int? Postmaster(string data)
    {
        try
        {
            var first = File.ReadLines(Path.Combine(data, "postmaster.pid")).FirstOrDefault();
            return int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary><c>dotnet OrderGrid.Silo.dll</c> from this tool's output folder, killed (with its children) at the end.</summary>
    private sealed class SiloChild : IDisposable
    {
        private readonly Process process;
        private readonly ConcurrentQueue<string> output = new();

        private SiloChild(Process process, Uri url)
        {
            this.process = process;
            Url = url;
            AppDomain.CurrentDomain.ProcessExit += KillOnExit;
            Console.CancelKeyPress += KillOnExit;
        }

        public Uri Url { get; }

        public int Id => process.Id;

        public static async Task<SiloChild> Start(Dictionary<string, string?> settings)
        {
            var folder = AppContext.BaseDirectory;
            var silo = Path.Combine(folder, "OrderGrid.Silo.dll");
            if (!File.Exists(silo))
            {
                throw new InvalidOperationException($"{silo} is missing: build tests/OrderGrid.Bench (it references the silo), or use --server inline.");
            }

            var url = new Uri($"http://127.0.0.1:{FreePort()}");
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(silo);
            start.ArgumentList.Add($"--urls={url.ToString().TrimEnd('/')}");
            start.ArgumentList.Add($"--contentRoot={folder}");
            foreach (var (key, value) in settings)
            {
                start.ArgumentList.Add($"--{key}={value}");
            }

            start.Environment["ASPNETCORE_ENVIRONMENT"] = Environments.Production;
            start.Environment["DOTNET_ENVIRONMENT"] = Environments.Production;
            var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
            var child = new SiloChild(process, url);
            process.OutputDataReceived += (_, line) => child.Keep(line.Data);
            process.ErrorDataReceived += (_, line) => child.Keep(line.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                await child.Ready(TimeSpan.FromMinutes(3));
            }
            catch
            {
                child.Dispose();
                throw;
            }

            return child;
        }

        public void Dispose()
        {
            AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
            Console.CancelKeyPress -= KillOnExit;
            Kill();
            process.Dispose();
        }

        private async Task Ready(TimeSpan timeout)
        {
            using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
            var clock = Stopwatch.StartNew();
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"OrderGrid exited with code {process.ExitCode}:{Environment.NewLine}{string.Join(Environment.NewLine, output)}");
                }

                try
                {
                    using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                    if (ready.StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }
                }
                catch (Exception notYet) when (notYet is HttpRequestException or TaskCanceledException)
                {
                }

                if (clock.Elapsed > timeout)
                {
                    throw new TimeoutException($"OrderGrid was not ready after {timeout.TotalSeconds:F0} s:{Environment.NewLine}{string.Join(Environment.NewLine, output)}");
                }

                await Task.Delay(250);
            }
        }

        private void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }

            output.Enqueue(line);
            while (output.Count > 200)
            {
                output.TryDequeue(out _);
            }
        }

        private void Kill()
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(10_000);
                }
            }
            catch (InvalidOperationException)
            {
            }
        }

        private void KillOnExit(object? sender, EventArgs e) => Kill();

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}