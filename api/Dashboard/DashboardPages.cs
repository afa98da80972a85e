using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;

using OrderGrid.Api.Problems;

namespace OrderGrid.Api.Dashboard;

/// <summary>
/// The browser pages built from <c>dashboard/</c>: <c>/track/{orderId}</c>, <c>/wall</c>, <c>/planner</c> and <c>/rules</c>, with
/// their assets under <c>/assets/</c> and the icon at <c>/favicon.ico</c>. Asset names carry a content hash, so they are
/// cached for a year; the pages are revalidated on every load so that a new build is picked up at once.
/// </summary>
public static partial class DashboardPages
{
    private const string NotBuiltCode = "dashboard.not-built";

    public static WebApplication MapDashboardPages(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        var options = app.Configuration.GetSection(DashboardOptions.Section).Get<DashboardOptions>() ?? new DashboardOptions();
        var root = Path.Combine(app.Environment.ContentRootPath, options.Root);
        var assets = Path.Combine(root, "assets");
        if (Directory.Exists(assets))
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(assets),
                RequestPath = "/assets",
                OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable",
            });
        }
        else
        {
            LogNotBuilt(app.Logger, root);
            app.MapGet("/assets/{**file}", NotBuilt).ExcludeFromDescription().AllowAnonymous();
        }

        var pages = app.MapGroup("").ExcludeFromDescription().AllowAnonymous();
        pages.MapGet("/", () => TypedResults.Redirect("/wall"));
        pages.MapGet("/track/{orderId}", (HttpContext http) => Page(http, root, "track.html"));
        pages.MapGet("/wall", (HttpContext http) => Page(http, root, "wall.html"));
        pages.MapGet("/planner", (HttpContext http) => Page(http, root, "planner.html"));
        pages.MapGet("/rules", (HttpContext http) => Page(http, root, "rules.html"));
        pages.MapGet("/favicon.ico", () => Icon(root));
        return app;
    }

    private static IResult Page(HttpContext http, string root, string file)
    {
        var path = Path.Combine(root, file);
        if (!File.Exists(path))
        {
            return NotBuilt();
        }

        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.PhysicalFile(path, "text/html; charset=utf-8", lastModified: File.GetLastWriteTimeUtc(path));
    }

    // dashboard/public/favicon.ico, copied into the build by Vite. Browsers ask for it on every page, /docs included.
    private static IResult Icon(string root)
    {
        var path = Path.Combine(root, "favicon.ico");
        return File.Exists(path)
            ? TypedResults.PhysicalFile(path, "image/x-icon", lastModified: File.GetLastWriteTimeUtc(path))
            : NotBuilt();
    }

    private static IResult NotBuilt() =>
        ApiProblems.Problem(
            StatusCodes.Status503ServiceUnavailable,
            "The dashboard is not available.",
            NotBuiltCode,
            "The dashboard was not built. Build the silo with Node.js 18 or newer and npm installed, or run `npm ci && npm run build` in dashboard/.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "The dashboard was not built: {Root} has no assets; its pages answer 503.")]
    private static partial void LogNotBuilt(ILogger logger, string root);
}