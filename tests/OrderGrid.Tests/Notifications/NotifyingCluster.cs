using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

using OrderGrid.AfterSales;
using OrderGrid.Notifications;
using OrderGrid.Orders;
using OrderGrid.Planning;
using OrderGrid.Planning.Segments;
using OrderGrid.Planning.Serving;
using OrderGrid.Silo.Storage.Due;
using OrderGrid.Tests.Hosting;
using OrderGrid.Warehouses;

using Orleans.TestingHost;

namespace OrderGrid.Tests.Notifications;

/// <summary>
/// A cluster (<see cref="TestClusters"/>) that notifies: a fake clock tests advance, emails to a <see cref="RecordingEmailSender"/>, no
/// SMS gateway, ratings asked 3 days after delivery, carrier DHL, warehouse w1, and a serving model whose segments
/// are those of <see cref="Segments"/>: <see cref="CustomerCount"/> customers <c>promo-c0000</c>… with made-up purchases.
/// </summary>
public sealed class NotifyingCluster : GrainCluster<NotifyingCluster.Variant>
{
    public const string Name = "Notifying cluster";

    public const int CustomerCount = 1200;

    public static readonly TimeSpan AskAfter = TimeSpan.FromDays(3);

    public static FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public static RecordingEmailSender Email { get; } = new();

    private static readonly MemoryModelStore Store = new();

    /// <summary>The segments the serving model knows.</summary>
    public CustomerSegmentModel Segments { get; private set; } = null!;

    protected override IEnumerable<Warehouse> Warehouses => [new("w1", "Warehouse one", 1)];

    public INotificationOutboxGrain Outbox(string key) => Grains.GetGrain<INotificationOutboxGrain>(key);

    /// <summary>Asks the outbox until <paramref name="condition"/> holds of its records.</summary>
    public async Task<IReadOnlyList<NotificationRecord>> Eventually(string outbox, Func<IReadOnlyList<NotificationRecord>, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var records = await Outbox(outbox).List();
            if (condition(records))
            {
                return records;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Outbox {outbox} never got there: {records.Count} record(s).");
            await Task.Delay(50);
        }
    }

    protected override async Task Starting()
    {
        var (stored, segments) = Model(DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime));
        Segments = segments;
        await Store.Add(stored, CancellationToken.None);
    }

    // Customers differ in how recently, how often and how much they bought, so every segment gets members.
    private static (StoredModel Stored, CustomerSegmentModel Segments) Model(DateOnly today)
    {
        var purchases = Enumerable.Range(0, CustomerCount).SelectMany(c => Enumerable.Range(0, 1 + (c % 7))
            .Select(basket => new Purchase($"promo-c{c:D4}", $"b{c}-{basket}", "sku-promo", today.AddDays(-((c * 13 % 300) + basket)), 1 + (c % 5), 2m + (c % 11))))
            .ToList();
        var sales = Enumerable.Range(1, 120).Select(day => new ProductSale("sku-promo", today.AddDays(-day), 1 + (day % 4), 5m)).ToList();
        var from = today.AddDays(-120);
        var demand = DemandModel.Train(DemandHistory.Build(sales, from, today));
        var segments = CustomerSegmentModel.Train(purchases, today);
        var info = new ModelVersionInfo(0, Clock.GetUtcNow(), from, today, 1, CustomerCount, 0, new ModelEvaluation(null, 28, null, null, null, null, 0, null, null, null, null, null, null, null, null, null, null, null, null));
        return (new StoredModel(info, Bytes(demand.Save), null, Bytes(segments.Save)), segments);
    }

    private static byte[] Bytes(Action<Stream> save)
    {
        using var stream = new MemoryStream();
        save(stream);
        return stream.ToArray();
    }

    public sealed class Variant : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            ArgumentNullException.ThrowIfNull(siloBuilder);
            siloBuilder.Services.AddSingleton<TimeProvider>(Clock);

            // Due work is scanned by hand (WakeDueGrains), at the moments the tests choose on the fake clock.
            siloBuilder.Services.Configure<DueWorkOptions>(o => o.Scan = false);
            siloBuilder.Services.AddSingleton<IModelStore>(Store);
            siloBuilder.Services.AddSingleton<IEmailSender>(Email);
            siloBuilder.Services.AddSingleton<ISmsGateway, NoSmsGateway>();
            siloBuilder.Services.Configure<NotificationOptions>(o => o.PublicBaseUrl = new Uri("https://shop.example.test"));
            siloBuilder.Services.Configure<FeedbackOptions>(o => o.AskAfter = AskAfter);
            siloBuilder.Services.Configure<FulfilmentOptions>(o => o.Carriers.Add("DHL"));
            siloBuilder.Services.AddSingleton<IOrderChangeConsumer, NotificationFanOut>();
            siloBuilder.Services.AddSingleton<IOrderChangeConsumer, FeedbackRequests>();
        }
    }

    private sealed class NoSmsGateway : ISmsGateway
    {
        public bool IsConfigured => false;

        public Task<DeliveryResult> Send(string phone, string text, CancellationToken cancellationToken) =>
            Task.FromResult(DeliveryResult.Failure("no gateway"));
    }
}