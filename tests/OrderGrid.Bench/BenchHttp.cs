using System.Net.Http.Headers;

namespace OrderGrid.Bench;

/// <summary>The load clients' HTTP: one pool of up to <c>connections</c> connections, a staff key when given.</summary>
internal static class BenchHttp
{
    public static HttpClient Client(Uri url, int connections, string? apiKey)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = url,
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return http;
    }
}