using System.Globalization;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

using OrderGrid.Tests.Hosting;

namespace OrderGrid.Tests.Security;

/// <summary>
/// An in-memory OrderGrid host (<see cref="OrderGridHost"/>) in a named environment (Development shows the developer
/// exception page for anything that escapes), no demo data, with two ways to fail on purpose that no real endpoint has: <see cref="ThrowsPath"/> throws from the
/// end of the pipeline, <see cref="ThrowsTwicePath"/> also makes an exception handler throw while handling it.
/// </summary>
public sealed class ErrorBodyApp(string environment) : OrderGridHost
{
    public const string ThrowsPath = "/test/throws";
    public const string ThrowsTwicePath = "/test/throws-twice";

    /// <summary>Outside Development the demo keys are refused: this key has the ops role in every environment.</summary>
    public new const string OpsKey = "error-body-ops-key-000000001";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(environment);
        builder.UseSetting("OrderGrid:Demo:Seed", "false");
        builder.UseSetting("OrderGrid:Planning:Train", "false");
        builder.UseSetting("OrderGrid:Auth:ApiKeys:0:Name", "error-body-ops");
        builder.UseSetting("OrderGrid:Auth:ApiKeys:0:Role", "ops");
        builder.UseSetting("OrderGrid:Auth:ApiKeys:0:Key", OpsKey);
        for (var i = 1; i < 3; i++)
        {
            // Development's demo keys sit at indexes 0-2: the ones left are blanked out by a key of their own.
            builder.UseSetting($"OrderGrid:Auth:ApiKeys:{i}:Name", $"error-body-{i}");
            builder.UseSetting($"OrderGrid:Auth:ApiKeys:{i}:Role", "planner");
            builder.UseSetting($"OrderGrid:Auth:ApiKeys:{i}:Key", $"error-body-planner-{i.ToString(CultureInfo.InvariantCulture)}-00000000");
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddExceptionHandler<ThrowingHandler>();
            services.AddSingleton<IStartupFilter>(new ThrowingEnd());
        });
    }

    // Runs after every endpoint of the app: a request no endpoint took reaches it, and its exception travels back
    // through all of the app's middleware, as an endpoint's would.
    private sealed class ThrowingEnd : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext http, RequestDelegate nextMiddleware) =>
                http.Request.Path.StartsWithSegments(ThrowsPath, StringComparison.Ordinal) || http.Request.Path.StartsWithSegments(ThrowsTwicePath, StringComparison.Ordinal)
                    ? throw new InvalidOperationException("Secret internals: connection string Password=hunter2")
                    : nextMiddleware(http));
        };
    }

    private sealed class ThrowingHandler : IExceptionHandler
    {
        public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken) =>
            httpContext.Request.Path.StartsWithSegments(ThrowsTwicePath, StringComparison.Ordinal)
                ? throw new NotSupportedException("The handler itself failed.")
                : ValueTask.FromResult(false);
    }
}

/// <summary>One <see cref="ErrorBodyApp"/> per environment, shared by a test class.</summary>
public sealed class ErrorBodyHosts : IAsyncDisposable
{
    private readonly Dictionary<string, ErrorBodyApp> hosts = new(StringComparer.Ordinal)
    {
        ["Development"] = new ErrorBodyApp("Development"),
        ["Production"] = new ErrorBodyApp("Production"),
    };

    public ErrorBodyApp this[string environment] => hosts[environment];

    public async ValueTask DisposeAsync()
    {
        foreach (var host in hosts.Values)
        {
            await host.DisposeAsync();
        }
    }
}