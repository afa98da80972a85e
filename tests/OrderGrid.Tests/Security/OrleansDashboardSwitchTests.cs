using System.Net;
using System.Net.Http.Headers;

using OrderGrid.Api.Security;

namespace OrderGrid.Tests.Security;

/// <summary>
/// The Orleans Dashboard runs where <see cref="OrleansDashboardAccess.EnabledKey"/> says so: on in Development
/// (appsettings.Development.json), off in any other environment unless turned on, since it costs a loaded server CPU
/// whether or not anyone has it open.
/// </summary>
[Trait(Lane.Name, Lane.Integration)]
public sealed class OrleansDashboardSwitchTests(ErrorBodyHosts hosts) : IClassFixture<ErrorBodyHosts>
{
    [Theory]
    [InlineData("Development", HttpStatusCode.Forbidden)]
    [InlineData("Production", HttpStatusCode.NotFound)]
    public async Task The_dashboard_is_served_in_development_only(string environment, HttpStatusCode expected)
    {
        var app = hosts[environment];
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{OrleansDashboardAccess.Path}/", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ErrorBodyApp.OpsKey);

        using var response = await app.Client(null).SendAsync(request);

        await Json.Problem(response, expected);
    }
}