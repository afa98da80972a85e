using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using OrderGrid.Api;
using OrderGrid.Silo.Hosting;
using OrderGrid.Silo.Storage;

namespace OrderGrid.Bench;

/// <summary>
/// What a scenario runs against. With <c>--url</c>, a silo someone else started (and, with <c>--connection</c>, its
/// database for pgbench). Without, the bench starts its own: a PostgreSQL server in a fresh temporary folder with the
/// server's default durability (<c>fsync</c> and <c>synchronous_commit</c> on), and OrderGrid in this process on a
/// free loopback port, External storage mode on that server, Release build, Development keys, no demo data, and
/// public rate limits raised (all clients share one address). A silo given by <c>--url</c> needs the same raise:
/// <c>--OrderGrid:RateLimits:Placement:PermitLimit=100000000 --OrderGrid:RateLimits:Tracking:PermitLimit=100000000</c>
/// (and the same for <c>Carts</c>, <c>SignIn</c>, <c>Follow:PerConnection</c> and <c>Follow:PerAddress</c>).
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    public const string DemoOpsKey = "demo-ops-key-0000000001";

    private readonly WebApplication? app;
    private readonly EmbeddedPostgres? postgres;
    private readonly string? dataDirectory;

    private BenchHost(Uri url, string? connectionString, string? binDirectory, WebApplication? app, EmbeddedPostgres? postgres, string? dataDirectory)
    {
        Url = url;
        ConnectionString = connectionString;
        BinDirectory = binDirectory;
        this.app = app;
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    public Uri Url { get; }

    /// <summary>The database OrderGrid stores in, when known: pgbench runs on the same server.</summary>
    public string? ConnectionString { get; }

    /// <summary>The PostgreSQL binaries (pgbench) of the installed server.</summary>
    public string? BinDirectory { get; }

    /// <summary>The grains of the silo in this process; null when the bench targets another process.</summary>
    public IGrainFactory? Grains => app?.Services.GetRequiredService<IGrainFactory>();

    public bool Owned => app is not null;

    public static async Task<BenchHost> Open(BenchArguments arguments)
    {
        var binDirectory = PostgresBinaries.Locate(null);
        if (arguments.Has("url"))
        {
            return new BenchHost(new Uri(arguments.Text("url")), arguments.Optional("connection"), binDirectory, null, null, null);
        }

        if (binDirectory is null)
        {
            throw new InvalidOperationException(PostgresBinaries.MissingMessage(null));
        }

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

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Development",
            ApplicationName = typeof(OrderGridSiloExtensions).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OrderGrid:Storage:Mode"] = "External",
            ["ConnectionStrings:OrderGrid"] = postgres.ConnectionString,
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
        });
        builder.AddOrderGridSilo();
        builder.Services.AddOrderGridApi(builder.Configuration, builder.Environment);
        var app = builder.Build();
        app.MapOrderGridApi();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.WriteLine($"OrderGrid (this process) listens on {address}");
        return new BenchHost(new Uri(address), postgres.ConnectionString, binDirectory, app, postgres, dataDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }

        if (dataDirectory is not null)
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}