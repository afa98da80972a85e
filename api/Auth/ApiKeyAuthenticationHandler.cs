using System.Security.Claims;
using System.Text.Encodings.Web;

using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

using OrderGrid.Api.Identity;
using OrderGrid.Api.Problems;
using OrderGrid.Api.Security;

namespace OrderGrid.Api.Auth;

/// <summary>
/// Maps <c>Authorization: Bearer &lt;key&gt;</c> (on the SignalR hubs also <c>?access_token=&lt;key&gt;</c>, on the
/// Orleans Dashboard also HTTP Basic with the key as password) to a staff principal (name, role), and a customer token
/// (<see cref="CustomerTokens.Prefix"/>) to a customer principal (<see cref="CustomerCaller"/>). No header → no result, so
/// customer endpoints stay open; a header with an unknown key or a bad token fails, and protected endpoints answer 401.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    StaffKeyring staffKeys,
    CustomerTokens customerTokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header) && HubAccessToken() is { } token)
        {
            header = BearerPrefix + token;
        }

        if (string.IsNullOrEmpty(header))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var presented = header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            ? header[BearerPrefix.Length..].Trim()
            : OrleansDashboardAccess.BasicPassword(Request, header);
        if (presented is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("The Authorization header must be 'Bearer <api key>'."));
        }

        if (presented.StartsWith(CustomerTokens.Prefix, StringComparison.Ordinal))
        {
            return Task.FromResult(customerTokens.Read(presented) is { } customerId
                ? AuthenticateResult.Success(new AuthenticationTicket(CustomerCaller.Principal(customerId, Scheme.Name), Scheme.Name))
                : AuthenticateResult.Fail("The customer token is not valid or has expired: sign in again."));
        }

        var match = staffKeys.Find(presented);
        if (match is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, match.Name), new Claim(ClaimTypes.Role, match.Role.ToLowerInvariant())],
            Scheme.Name,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = OrleansDashboardAccess.IsDashboard(Request) ? OrleansDashboardAccess.Challenge : "Bearer";
        await WriteProblem(
            StatusCodes.Status401Unauthorized,
            "Authentication required.",
            ProblemCodes.Unauthenticated,
            result.Failure?.Message ?? "This needs a staff API key (or, where customers may act, their customer token): send the header 'Authorization: Bearer <key or token>'.");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var role = Context.User.FindFirstValue(ClaimTypes.Role);
        await WriteProblem(
            StatusCodes.Status403Forbidden,
            "Not allowed.",
            ProblemCodes.Forbidden,
            role == CustomerCaller.Role ? "A customer token does not open this: it needs a staff API key." : $"The API key's role ({role}) may not do this.");
    }

    // Browsers cannot set headers on WebSockets or server-sent events: the SignalR client sends the key as
    // ?access_token=… instead. Taken on the hubs only, so that keys never become part of ordinary API URLs.
    private string? HubAccessToken() =>
        Request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase)
        && Request.Query.TryGetValue("access_token", out var token) && !string.IsNullOrEmpty(token)
            ? token.ToString()
            : null;

    private Task WriteProblem(int status, string title, string code, string detail) =>
        SecurityProblems.Write(Context, status, title, code, detail);
}