using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace OrderGrid.Bench;

/// <summary>
/// Carrier events at a steady rate: event n is an InTransit scan of order n mod N at location "{marker}{n}", due
/// n / rate seconds after the start. A pacing loop releases due events to a bounded pool of senders; each event
/// records when its HTTP call was sent and how it was answered.
/// </summary>
internal sealed class CarrierEventLoad(HttpClient ops, ShippedOrder[] orders, string marker, int rate, int seconds, int senders) : IDisposable
{
    private readonly SemaphoreSlim _senders = new(senders);

    public int Count { get; } = rate * seconds;

    /// <summary>Stopwatch timestamp of each event's HTTP call (0: never sent).</summary>
    public long[] SentAt { get; } = new long[rate * seconds];

    /// <summary>Stopwatch timestamp of each event's answer.</summary>
    public long[] AnsweredAt { get; } = new long[rate * seconds];

    /// <summary>HTTP status of each event's answer (0: no answer).</summary>
    public int[] Status { get; } = new int[rate * seconds];

    /// <summary>How late each event's call left after it was due (the load generator falling behind), ms.</summary>
    public Latencies SendDelay { get; } = new();

    private int OrderOf(int eventNumber) => eventNumber % orders.Length;

    /// <summary>The events of order index <paramref name="order"/> that the API acknowledged.</summary>
    public IEnumerable<int> AcknowledgedEventsOf(int order)
    {
        for (var n = order; n < Count; n += orders.Length)
        {
            if (Acknowledged(n))
            {
                yield return n;
            }
        }
    }

    public bool Acknowledged(int eventNumber) => Status[eventNumber] == (int)HttpStatusCode.OK;

    /// <summary>Sends every event on schedule and waits for the last answer; answers the time from start to last answer.</summary>
    public async Task<TimeSpan> Run()
    {
        var calls = new List<Task>(Count);
        var clock = Stopwatch.StartNew();
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(1));
        for (var next = 0; next < Count;)
        {
            var due = Math.Min(Count, (int)(clock.Elapsed.TotalSeconds * rate) + 1);
            for (; next < due; next++)
            {
                var eventNumber = next;
                var dueAt = TimeSpan.FromSeconds((double)eventNumber / rate);
                calls.Add(Task.Run(() => Send(eventNumber, clock, dueAt)));
            }

            await tick.WaitForNextTickAsync();
        }

        await Task.WhenAll(calls);
        return clock.Elapsed;
    }

    public void Dispose() => _senders.Dispose();

    private async Task Send(int eventNumber, Stopwatch clock, TimeSpan dueAt)
    {
        await _senders.WaitAsync();
        try
        {
            var order = orders[OrderOf(eventNumber)];
            var scan = new { status = "InTransit", location = $"{marker}{eventNumber}", occurredAt = DateTimeOffset.UtcNow };
            lock (SendDelay)
            {
                SendDelay.Add(clock.Elapsed - dueAt);
            }

            SentAt[eventNumber] = Stopwatch.GetTimestamp();
            using var response = await ops.PostAsJsonAsync($"/api/shipments/{order.ShipmentId}/events", scan);
            AnsweredAt[eventNumber] = Stopwatch.GetTimestamp();
            Status[eventNumber] = (int)response.StatusCode;
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException)
        {
            AnsweredAt[eventNumber] = Stopwatch.GetTimestamp();
        }
        finally
        {
            _senders.Release();
        }
    }
}