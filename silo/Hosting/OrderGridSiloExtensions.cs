using System.Reflection;

using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

using OrderGrid.AfterSales;
using OrderGrid.Api.Identity;
using OrderGrid.Api.Security;
using OrderGrid.Carts;
using OrderGrid.Customers;
using OrderGrid.Orders;
using OrderGrid.Silo.Cluster;
using OrderGrid.Silo.Demo;
using OrderGrid.Silo.Health;
using OrderGrid.Silo.Notifications;
using OrderGrid.Silo.Planning;
using OrderGrid.Silo.ReadModel;
using OrderGrid.Silo.Recovery;
using OrderGrid.Silo.Seed;
using OrderGrid.Silo.Storage;
using OrderGrid.Silo.Warehouses;
using OrderGrid.Silo.Webhooks;
using OrderGrid.Wall;
using OrderGrid.Waves;

using Orleans.Dashboard;

namespace OrderGrid.Silo.Hosting;

public static class OrderGridSiloExtensions
{
    /// <summary>The Orleans grain storage providers the grains name.</summary>
    public static IReadOnlyList<string> StorageProviders { get; } = ["orders", "stock", "shipments", "catalog", "customers", "carts", "planning", "webhooks", "notifications", "aftersales", "waves", "merges"];

    /// <summary>
    /// Typed settings, storage (read and checked now: the mode decides the providers), the co-hosted Orleans silo
    /// (storage, clustering, reminders, dashboard), health checks and startup work. Throws
    /// <see cref="StorageConfigurationException"/> when the storage settings cannot work.
    /// </summary>
    public static WebApplicationBuilder AddOrderGridSilo(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var storage = StorageSetup.Read(builder.Configuration, builder.Environment);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);

        // Before UseOrleans: the database starts (and migrates) before the silo and stops after it; the demo history
        // import starts right after the schema, beside the silo's start.
        services.AddOrderGridStorage(storage);
        services.AddDemoHistory();
        services.AddSettings<OrderGridClusterOptions>(OrderGridClusterOptions.Section)
            // Resolved once here: everything reads the ports from the IOptions<OrderGridClusterOptions> singleton.
            .PostConfigure(cluster =>
            {
                // Each pick must avoid the other: a port released by the first pick may be handed out again.
                cluster.SiloPort = cluster.SiloPort == 0 ? FreePorts.Pick(cluster.GatewayPort) : cluster.SiloPort;
                cluster.GatewayPort = cluster.GatewayPort == 0 ? FreePorts.Pick(cluster.SiloPort) : cluster.GatewayPort;
            });
        services.AddOptions<WarehousesOptions>()
            .Configure<IConfiguration>((options, configuration) => configuration.GetSection(WarehousesOptions.Section).Bind(options.Warehouses))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<WarehousesOptions>, WarehousesOptionsValidator>();
        services.AddSettings<FulfilmentOptions>(FulfilmentOptions.Section);
        services.AddSettings<ReviewOptions>(ReviewOptions.Section);
        services.AddSettings<CartOptions>(CartOptions.Section);
        services.AddSettings<SignInOptions>(SignInOptions.Section)
            .Validate(o => !o.LogCodes || builder.Environment.IsDevelopment(), $"{SignInOptions.Section}:LogCodes writes sign-in codes to the log: Development only");
        services.PostConfigure<IdentityOptions>(identity => identity.SigningKeyFile = SigningKeyFile(identity, storage));
        services.AddSettings<FeedbackOptions>(FeedbackOptions.Section);
        services.AddSettings<WallOptions>(WallOptions.Section);
        services.AddSettings<DemoOptions>(DemoOptions.Section);
        services.AddSettings<WaveOptions>(WaveOptions.Section);
        services.AddOrderGridGrains();
        services.AddOrderGridReadModel();
        services.AddOrderGridPlanning();
        services.AddOrderGridWebhooks(builder.Environment);
        services.AddOrderGridNotifications();
        services.AddSingleton<IOrderChangeConsumer, FeedbackRequests>();

        builder.UseOrleans(silo =>
        {
            silo.UseOrderGridClustering(postgres: storage.UsesPostgres);
            silo.UseOrderGridStorage(storage, StorageProviders);
            if (OrleansDashboardAccess.IsEnabled(builder.Configuration))
            {
                silo.AddDashboard();
            }

            if (TelemetrySetup.ExportsOtlp(builder.Configuration))
            {
                silo.AddActivityPropagation();
            }
        });

        services.AddOrderGridHealth();
        services.AddOrderGridTelemetry(builder.Configuration);

        // Hosted services start in registration order, after the silo's own: warehouses first, then demo data.
        services.AddHostedService<WarehouseRegistration>();
        services.AddOrderGridRecovery();
        services.AddHostedService<DemoCatalogSeeder>();
        services.AddDemoTraffic();
        services.AddHostedService<PlanningStarter>();
        services.AddHostedService<ReadyAnnouncement>();
        return builder;
    }

    /// <summary>
    /// Runs the app. A configuration that fails validation ends the process with exit code 2 and
    /// one line per bad setting after the host's own error log; a database that cannot be made ready
    /// (embedded server, migrations) with exit code 1 and the reason.
    /// </summary>
    public static async Task<int> RunOrderGridAsync(this WebApplication app)
    {
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (Exception exception) when (RunsAsOwnProcess && ValidationFailures(exception) is { Count: > 0 } failures)
        {
            await Console.Error.WriteLineAsync("OrderGrid cannot start: the configuration is invalid.");
            foreach (var failure in failures)
            {
                await Console.Error.WriteLineAsync($"  {failure}");
            }

            return 2;
        }
        catch (StorageStartupException exception) when (RunsAsOwnProcess)
        {
            await Console.Error.WriteLineAsync($"OrderGrid cannot start: {exception.Message}");
            return 1;
        }
    }

    /// <summary>
    /// Where the identity secret lives when no setting says: <c>signing.key</c> beside the embedded database's folder (for
    /// External storage, beside the default one), so it survives restarts with the data; in-memory storage keeps none.
    /// </summary>
    private static string? SigningKeyFile(IdentityOptions identity, StorageSetup storage)
    {
        if (!string.IsNullOrEmpty(identity.SigningKey) || !string.IsNullOrEmpty(identity.SigningKeyFile) || !storage.UsesPostgres)
        {
            return identity.SigningKeyFile;
        }

        var data = Path.GetFullPath(storage.Embedded?.DataDirectory ?? EmbeddedPostgresSettings.DefaultDataDirectory);
        return Path.Combine(Path.GetDirectoryName(data.TrimEnd(Path.DirectorySeparatorChar)) ?? data, "signing.key");
    }

    // Under WebApplicationFactory the entry point runs inside the test process, which must see the exception itself.
    internal static bool RunsAsOwnProcess => Assembly.GetEntryAssembly() == typeof(OrderGridSiloExtensions).Assembly;

    // Several invalid sections arrive as one AggregateException.
    private static List<string> ValidationFailures(Exception exception) => exception switch
    {
        OptionsValidationException invalid => [.. invalid.Failures],
        AggregateException aggregate when aggregate.InnerExceptions.All(e => e is OptionsValidationException) =>
            [.. aggregate.InnerExceptions.SelectMany(ValidationFailures)],
        _ => [],
    };
}