using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace OrderGrid.Bench;

/// <summary>
/// One tracking client on <c>/hubs/orders</c>, as a customer's browser: follows one order with its token, fetches the
/// order, then applies only pushes newer than what it shows, noting when each bench carrier event first became visible.
/// </summary>
internal sealed class OrderFollower : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly string _marker;
    private readonly Dictionary<int, long> _seen = [];
    private long _version;

    private OrderFollower(HubConnection connection, int order, string marker)
    {
        _connection = connection;
        _marker = marker;
        Order = order;
        connection.On<JsonElement>("orderUpdated", update => Apply(update, Stopwatch.GetTimestamp()));
        connection.Closed += _ =>
        {
            Dropped = true;
            return Task.CompletedTask;
        };
    }

    /// <summary>Index of the followed order.</summary>
    public int Order { get; }

    /// <summary>The connection closed before the end of the run.</summary>
    public bool Dropped { get; private set; }

    /// <summary>Pushes whose version jumped over one not received (sent together with a later change, or missed).</summary>
    public int SkippedVersions { get; private set; }

    public static async Task<OrderFollower> Follow(Uri hub, HttpTransportType transport, HttpClient http, ShippedOrder shipped, int order, string marker)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(hub, transport)
            .Build();
        var follower = new OrderFollower(connection, order, marker);
        try
        {
            await connection.StartAsync();
            await connection.InvokeAsync("Follow", shipped.OrderId, shipped.Token);
            var current = await http.GetFromJsonAsync<JsonElement>($"/api/track/{shipped.OrderId}?token={Uri.EscapeDataString(shipped.Token)}");
            follower.Apply(current, 0, isFetch: true);
            return follower;
        }
        catch
        {
            await follower.DisposeAsync();
            throw;
        }
    }

    /// <summary>When bench event <paramref name="eventNumber"/> reached this client (a Stopwatch timestamp), if it did.</summary>
    public long? SeenAt(int eventNumber)
    {
        lock (_seen)
        {
            return _seen.TryGetValue(eventNumber, out var at) ? at : null;
        }
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    private void Apply(JsonElement update, long at, bool isFetch = false)
    {
        var order = isFetch ? update : update.GetProperty("order");
        var version = order.GetProperty("version").GetInt64();
        lock (_seen)
        {
            if (version <= _version)
            {
                return;
            }

            if (!isFetch && version > _version + 1)
            {
                SkippedVersions++;
            }

            // The timeline is oldest first: read back to the version already shown.
            var timeline = order.GetProperty("timeline");
            for (var i = timeline.GetArrayLength() - 1; i >= 0 && timeline[i].GetProperty("sequence").GetInt64() > _version; i--)
            {
                if (!isFetch && EventNumber(timeline[i].GetProperty("description").GetString()) is { } eventNumber)
                {
                    _seen.TryAdd(eventNumber, at);
                }
            }

            _version = version;
        }
    }

    /// <summary>The bench event named in a timeline entry: its location reads "{marker}{number}".</summary>
    private int? EventNumber(string? description)
    {
        var start = description?.IndexOf(_marker, StringComparison.Ordinal) ?? -1;
        if (start < 0)
        {
            return null;
        }

        var digits = description.AsSpan(start + _marker.Length);
        var length = digits.IndexOfAnyExceptInRange('0', '9');
        return int.TryParse(length < 0 ? digits : digits[..length], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}