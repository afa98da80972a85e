using OrderGrid.Silo.Hosting;
using OrderGrid.Silo.Planning;
using OrderGrid.Silo.Storage;

namespace OrderGrid.Silo.Commands;

/// <summary>
/// The command line: an optional verb first, then host settings (<c>--urls …</c>, <c>--OrderGrid:Storage:Mode=External</c>).
/// No verb serves (API + silo); <c>migrate</c> applies the schema and exits; <c>import catalog|stock|history FILE</c>
/// starts the silo, imports and exits; <c>planning backtest …</c> evaluates the demand forecast on a history file
/// without the host; <c>hash-key KEY</c> prints the hash to configure instead of a staff key.
/// </summary>
public sealed class SiloCommand
{
    public const string Serve = "serve";
    public const string Migrate = "migrate";
    public const string Import = "import";
    public const string Planning = "planning";
    public const string HashKey = "hash-key";

    public const string Usage = """
        Usage: OrderGrid.Silo [--setting value …]                      serve the API and the silo
               OrderGrid.Silo migrate [--setting value …]              apply the schema migrations and exit
               OrderGrid.Silo import catalog|stock|history FILE [--setting value …]
               OrderGrid.Silo planning backtest --history FILE.csv[.gz] --cutoff YYYY-MM-DD --horizon DAYS
               OrderGrid.Silo hash-key KEY                             print the KeySha256 setting for a staff API key
        (dotnet run --project silo -- migrate)
        """;

    private SiloCommand(string verb, string[] verbArgs, string[] hostArgs, string? error = null)
    {
        Verb = verb;
        VerbArgs = verbArgs;
        HostArgs = hostArgs;
        Error = error;
    }

    public string Verb { get; }

    /// <summary>The verb's own arguments (for <c>import</c>: kind and file).</summary>
    public IReadOnlyList<string> VerbArgs { get; }

    /// <summary>What the host's configuration sees.</summary>
    public string[] HostArgs { get; }

    /// <summary>A usage error, or null.</summary>
    public string? Error { get; }

    public static SiloCommand Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0].StartsWith('-') || args[0].Contains('=', StringComparison.Ordinal))
        {
            return new SiloCommand(Serve, [], args);
        }

        switch (args[0])
        {
            case Migrate:
                return new SiloCommand(Migrate, [], args[1..]);
            case Import:
                // import KIND FILE, then host settings; the import checks KIND and FILE itself.
                var own = args.Skip(1).TakeWhile(arg => !arg.StartsWith('-')).Take(2).ToArray();
                return new SiloCommand(Import, own, args[(1 + own.Length)..]);
            case Planning or HashKey:
                // Every argument is the command's own: it builds no host.
                return new SiloCommand(args[0], args[1..], []);
            default:
                return new SiloCommand(Serve, [], args, $"Unknown command '{args[0]}'.");
        }
    }

    /// <summary>Settings a verb needs before the host is built (import: no demo data, a private HTTP port and free Orleans ports).</summary>
    public void ConfigureHost(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (Verb == Import)
        {
            // The import silo joins the cluster beside a serving silo, if one runs: it must not take its ports.
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["OrderGrid:Demo:Seed"] = "false",
                ["Urls"] = "http://127.0.0.1:0",
                ["OrderGrid:Cluster:SiloPort"] = "0",
                ["OrderGrid:Cluster:GatewayPort"] = "0",
            });
        }
    }

    /// <summary>Builds the app with <paramref name="build"/> and runs the verb; answers the exit code.</summary>
    public async Task<int> RunAsync(Func<WebApplication> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        if (Error is not null)
        {
            await Console.Error.WriteLineAsync($"{Error}{Environment.NewLine}{Usage}");
            return 2;
        }

        if (Verb == Planning)
        {
            return PlanningCommand.Run(VerbArgs, Console.Out, Console.Error);
        }

        if (Verb == HashKey)
        {
            return HashKeyCommand.Run(VerbArgs, Console.Out, Console.Error);
        }

        WebApplication app;
        try
        {
            app = build();
        }
        catch (StorageConfigurationException exception) when (OrderGridSiloExtensions.RunsAsOwnProcess)
        {
            await Console.Error.WriteLineAsync($"OrderGrid cannot start: the storage settings cannot work.{Environment.NewLine}  {exception.Message}");
            return exception.ExitCode;
        }

        if (Verb == Serve)
        {
            // RunAsync disposes the app when it ends.
            return await app.RunOrderGridAsync();
        }

        await using (app)
        {
            return Verb == Migrate
                ? await MigrateCommand.RunAsync(app.Services, app.Lifetime.ApplicationStopping)
                : await ImportVerb.RunAsync(app, VerbArgs);
        }
    }
}