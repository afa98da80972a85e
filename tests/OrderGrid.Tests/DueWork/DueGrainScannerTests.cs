using System.Reflection;

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

using OrderGrid.Common;
using OrderGrid.Silo.Storage.Due;
using OrderGrid.Silo.Storage.GrainState;

namespace OrderGrid.Tests.DueWork;

/// <summary>
/// The silo's due-work scanner stepped by hand on a fake clock, over a memory index, with grains that record their
/// wakes and (as real ones do) write their next wake-up time: none here.
/// </summary>
[Trait(Lane.Name, Lane.Fast)]
public sealed class DueGrainScannerTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DueGrain Cart = new("cart", "c-1");
    private static readonly DueGrain Outbox = new("notification-outbox", "OG-1");

    [Fact]
    public async Task A_scan_wakes_the_grains_whose_time_has_passed_and_no_other()
    {
        var (scanner, clock, index, grains) = Scanner();
        await index.SetAsync(Cart, Start.AddSeconds(20));
        await index.SetAsync(Outbox, Start.AddSeconds(50));

        Assert.Equal(0, await scanner.ScanAsync());
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(1, await scanner.ScanAsync());
        Assert.Equal(0, await scanner.ScanAsync());
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await scanner.ScanAsync());

        Assert.Equal([GrainId.Create("cart", "c-1"), GrainId.Create("notification-outbox", "OG-1")], grains.Woken);
    }

    [Fact]
    public async Task A_grain_whose_wake_fails_keeps_its_time_and_the_next_scan_wakes_it_again()
    {
        var (scanner, clock, index, grains) = Scanner();
        await index.SetAsync(Cart, Start);
        grains.FailNext = 1;

        Assert.Equal(0, await scanner.ScanAsync());
        Assert.Equal(1, await scanner.ScanAsync());
        Assert.Equal(0, await scanner.ScanAsync());
        Assert.Equal([GrainId.Create("cart", "c-1"), GrainId.Create("cart", "c-1")], grains.Woken);
    }

    [Fact]
    public async Task The_timer_scans_at_once_and_then_every_period_of_the_silos_clock()
    {
        var (scanner, clock, index, grains) = Scanner();
        await index.SetAsync(Cart, Start.AddSeconds(20));
        using var stop = new CancellationTokenSource();

        var running = scanner.RunAsync(stop.Token);
        await Scanned(scanner, 1);
        clock.Advance(TimeSpan.FromSeconds(14));
        Assert.Equal(1, scanner.Scans);
        clock.Advance(TimeSpan.FromSeconds(1));
        await Scanned(scanner, 2);
        Assert.Empty(grains.Woken);
        clock.Advance(TimeSpan.FromSeconds(15));
        await Scanned(scanner, 3);
        Assert.Equal([GrainId.Create("cart", "c-1")], grains.Woken);

        await stop.CancelAsync();
        await running;
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(3, scanner.Scans);
    }

    private static async Task Scanned(DueGrainScanner scanner, long count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (scanner.Scans < count)
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    private static (DueGrainScanner Scanner, FakeTimeProvider Clock, MemoryDueIndex Index, RecordingGrains Grains) Scanner()
    {
        var clock = new FakeTimeProvider(Start);
        var index = new MemoryDueIndex();
        var grains = DispatchProxy.Create<IGrainFactory, RecordingGrains>();
        var recording = (RecordingGrains)(object)grains;
        recording.Index = index;
        var scanner = new DueGrainScanner(index, grains, clock, Options.Create(new DueWorkOptions { ScanEvery = TimeSpan.FromSeconds(15) }), NullLogger<DueGrainScanner>.Instance);
        return (scanner, clock, index, recording);
    }

    /// <summary>A grain factory whose grains record each wake and then, as a real grain's write does, drop their wake-up time.</summary>
    public class RecordingGrains : DispatchProxy
    {
        private readonly Lock sync = new();
        private readonly List<GrainId> woken = [];

        public MemoryDueIndex Index { get; set; } = null!;

        public int FailNext { get; set; }

        public IReadOnlyList<GrainId> Woken
        {
            get
            {
                lock (sync)
                {
                    return [.. woken];
                }
            }
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod?.Name == nameof(IGrainFactory.GetGrain) && args is [GrainId id]
                ? new Grain(this, id)
                : throw new NotSupportedException(targetMethod?.Name);

        private async Task Wake(GrainId id)
        {
            lock (sync)
            {
                woken.Add(id);
            }

            if (FailNext > 0)
            {
                FailNext--;
                throw new InvalidOperationException("The grain failed to wake.");
            }

            await Index.ClearAsync(new DueGrain(id.Type.ToString()!, id.Key.ToString()!));
        }

        private sealed class Grain(RecordingGrains grains, GrainId id) : IDueWork
        {
            public Task Wake() => grains.Wake(id);
        }
    }
}