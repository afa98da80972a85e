using System.Collections.Concurrent;
using System.Text.Json;

using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace OrderGrid.Tests.Live;

/// <summary>
/// A SignalR client of one hub on an in-process host, recording every push it receives so that a test can wait
/// for the one it expects. Long polling over the test server's handler, or WebSockets with the key in the query
/// string as browsers send it.
/// </summary>
public sealed class LiveClient : IAsyncDisposable
{
    private static readonly string[] Methods = ["orderUpdated", "orderEvent", "wallChanged", "stockChanged"];

    private readonly ConcurrentQueue<(string Method, JsonElement Payload)> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private LiveClient(HubConnection connection)
    {
        Connection = connection;
        foreach (var method in Methods)
        {
            connection.On<JsonElement>(method, payload =>
            {
                _received.Enqueue((method, payload));
                _arrived.Release();
            });
        }
    }

    public HubConnection Connection { get; }

    public IReadOnlyList<(string Method, JsonElement Payload)> Received => [.. _received];

    /// <param name="requestHeaders">Headers for every request of the connection (e.g. a test client address).</param>
    public static async Task<LiveClient> Connect<TEntryPoint>(
        WebApplicationFactory<TEntryPoint> app, string hubPath, string? apiKey = null, bool webSockets = false, IReadOnlyDictionary<string, string>? requestHeaders = null)
        where TEntryPoint : class
    {
        ArgumentNullException.ThrowIfNull(app);
        var server = app.Server;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, hubPath), options =>
            {
                options.HttpMessageHandlerFactory = _ => server.CreateHandler();
                foreach (var (name, value) in requestHeaders ?? new Dictionary<string, string>())
                {
                    options.Headers[name] = value;
                }

                if (apiKey is not null && !webSockets)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(apiKey);
                }

                if (webSockets)
                {
                    options.Transports = HttpTransportType.WebSockets;
                    options.SkipNegotiation = true;
                    // As a browser does: the key in the query string (the .NET client would send a header).
                    options.WebSocketFactory = async (context, cancellationToken) =>
                    {
                        var client = server.CreateWebSocketClient();
                        client.ConfigureRequest = request =>
                        {
                            foreach (var (name, value) in requestHeaders ?? new Dictionary<string, string>())
                            {
                                request.Headers[name] = value;
                            }
                        };
                        return await client.ConnectAsync(WithAccessToken(context.Uri, apiKey), cancellationToken);
                    };
                }
                else
                {
                    options.Transports = HttpTransportType.LongPolling;
                }
            })
            .Build();
        var client = new LiveClient(connection);
        try
        {
            await connection.StartAsync();
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }

        return client;
    }

    private static Uri WithAccessToken(Uri uri, string? apiKey) =>
        apiKey is null ? uri : new UriBuilder(uri) { Query = $"access_token={Uri.EscapeDataString(apiKey)}" }.Uri;

    public Task Follow(string orderId, string? token) => Connection.InvokeAsync("Follow", orderId, token);

    /// <summary>Joins the wall or planning group, as the pages do after every (re)connect.</summary>
    public Task Watch() => Connection.InvokeAsync("Watch");

    /// <summary>Waits for a push of <paramref name="method"/> that satisfies <paramref name="match"/>, received before or after the call.</summary>
    public async Task<JsonElement> Next(string method, Func<JsonElement, bool> match, int seconds = 15)
    {
        ArgumentNullException.ThrowIfNull(match);
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            foreach (var (received, payload) in _received)
            {
                if (received == method && match(payload))
                {
                    return payload;
                }
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new Xunit.Sdk.XunitException($"No matching {method} push within {seconds} s; received {_received.Count} pushes.");
            }

            await _arrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        _arrived.Dispose();
    }
}