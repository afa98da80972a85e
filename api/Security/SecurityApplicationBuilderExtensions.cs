using Microsoft.Extensions.Hosting;

namespace OrderGrid.Api.Security;

/// <summary>The security middleware, in the order it must run around authentication.</summary>
public static class SecurityApplicationBuilderExtensions
{
    /// <summary>Before authentication: security headers, HSTS outside Development, CORS, the body size limit and its encoding.</summary>
    public static WebApplication UseOrderGridSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                SecurityHeaders.Add(http);
                return Task.CompletedTask;
            });
            return next(http);
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseCors();
        app.UseMiddleware<RequestBodyLimit>();
        app.UseMiddleware<BodyEncoding>();
        return app;
    }

    /// <summary>
    /// After authentication, so that staff keys are known and pass the public limits; after routing (which the host
    /// puts first), so that the limiter sees the endpoint a request reached and its policy, whatever the path's spelling.
    /// </summary>
    public static WebApplication UseOrderGridRateLimits(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRateLimiter();
        return app;
    }
}