using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;

using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

using OrderGrid.Api.Problems;

namespace OrderGrid.Api.Auth;

/// <summary>
/// Maps <c>Authorization: Bearer &lt;key&gt;</c> (on the SignalR hubs also <c>?access_token=&lt;key&gt;</c>) to a staff principal (name, role). No header → no result, so
/// customer endpoints stay open; a header with an unknown key fails, and protected endpoints answer 401.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<StaffAuthOptions> staffKeys,
    IProblemDetailsService problems)
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

        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.Fail("The Authorization header must be 'Bearer <api key>'."));
        }

        var match = Find(staffKeys.CurrentValue.ApiKeys, header[BearerPrefix.Length..].Trim());
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
        Response.Headers.WWWAuthenticate = "Bearer";
        await WriteProblem(
            StatusCodes.Status401Unauthorized,
            "Authentication required.",
            ProblemCodes.Unauthenticated,
            result.Failure?.Message ?? "This needs a staff API key: send the header 'Authorization: Bearer <api key>'.");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var role = Context.User.FindFirstValue(ClaimTypes.Role);
        await WriteProblem(
            StatusCodes.Status403Forbidden,
            "Not allowed.",
            ProblemCodes.Forbidden,
            $"The API key's role ({role}) may not do this.");
    }

    // Browsers cannot set headers on WebSockets or server-sent events: the SignalR client sends the key as
    // ?access_token=… instead. Taken on the hubs only, so that keys never become part of ordinary API URLs.
    private string? HubAccessToken() =>
        Request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase)
        && Request.Query.TryGetValue("access_token", out var token) && !string.IsNullOrEmpty(token)
            ? token.ToString()
            : null;

    /// <summary>
    /// Compares the hash of the presented key with every configured key in constant time, and always with all of
    /// them, so that neither the timing of a comparison nor the position of a match tells anything about a key.
    /// </summary>
    private static StaffApiKey? Find(IList<StaffApiKey> keys, string presented)
    {
        Span<byte> presentedHash = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> keyHash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), presentedHash);
        StaffApiKey? match = null;
        foreach (var key in keys)
        {
            SHA256.HashData(Encoding.UTF8.GetBytes(key.Key), keyHash);
            if (CryptographicOperations.FixedTimeEquals(presentedHash, keyHash) && key.Key.Length > 0)
            {
                match = key;
            }
        }

        return match;
    }

    private Task WriteProblem(int status, string title, string code, string detail) =>
        problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new()
            {
                Status = status,
                Title = title,
                Type = ProblemTypes.For(code),
                Detail = detail,
                Extensions = { ["code"] = code },
            },
        }).AsTask();
}