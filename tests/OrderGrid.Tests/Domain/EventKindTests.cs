using System.Text.RegularExpressions;

using OrderGrid.Orders;
using OrderGrid.Shipping;

namespace OrderGrid.Tests.Domain;

/// <summary>
/// The catalogue of event kinds (<see cref="EventKinds"/>) is the one place they are written: the lifecycle emits only
/// catalogued kinds, no refusal code has the name of one, and no source file writes one as a literal.
/// </summary>
[Trait(Lane.Name, Lane.Fast)]
public sealed partial class EventKindTests
{
    private static readonly string[] SourceFolders = ["api", "grains", "grain-interfaces", "silo"];

    /// <summary>Every status (null: not placed) and every move the lifecycle decides: legal, ignored, acknowledged or refused.</summary>
    public static TheoryData<OrderStatus?, OrderMove> EveryCell
    {
        get
        {
            var data = new TheoryData<OrderStatus?, OrderMove>();
            foreach (var status in new OrderStatus?[] { null }.Concat(Enum.GetValues<OrderStatus>().Select(s => (OrderStatus?)s)))
            {
                foreach (var move in Moves.Decided)
                {
                    data.Add(status, move);
                }
            }

            return data;
        }
    }

    public static TheoryData<OrderStatus, ShipmentStatus> CarrierNews
    {
        get
        {
            var data = new TheoryData<OrderStatus, ShipmentStatus>();
            foreach (var status in new[] { OrderStatus.Shipped, OrderStatus.PartiallyShipped, OrderStatus.DeliveryException })
            {
                foreach (var news in Enum.GetValues<ShipmentStatus>())
                {
                    data.Add(status, news);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(EveryCell))]
    public void Decide_emits_only_catalogued_kinds_and_refuses_with_codes_that_are_not_kinds(OrderStatus? from, OrderMove move)
    {
        var legal = OrderTransitions.Legal.Any(t => t.From == from && t.Move == move);
        var state = legal ? Moves.Ready(from, move) : from is { } status ? Moves.Representative(status, move) : AnOrder.NotPlaced();

        var result = OrderLifecycle.Decide(state, Moves.Command(move, state));

        Assert.All(result.Events, e => Assert.True(EventKinds.IsCatalogued(e.Kind), $"'{e.Kind}' ({from} × {move}) is not in EventKinds."));
        if (result.Refusal is { } refusal)
        {
            Assert.False(EventKinds.IsCatalogued(refusal.Code), $"The refusal code '{refusal.Code}' ({from} × {move}) is also an event kind.");
        }
    }

    [Theory]
    [MemberData(nameof(CarrierNews))]
    public void Every_carrier_news_is_a_catalogued_kind(OrderStatus status, ShipmentStatus news)
    {
        var state = AnOrder.In(status);
        var at = AnOrder.Later;

        var result = OrderLifecycle.Decide(state, new FollowShipmentCommand(
            state.Shipments[0].ShipmentId, new TrackingEvent(news, "Leeds", at, at, AnOrder.Carrier), AnOrder.Carrier, at));

        Assert.All(result.Events, e => Assert.True(EventKinds.IsCatalogued(e.Kind), e.Kind));
        Assert.True(result.Refusal is null || !EventKinds.IsCatalogued(result.Refusal.Code), result.Refusal?.Code);
    }

    [Fact]
    public void The_catalogue_names_each_kind_once_in_the_wire_format()
    {
        Assert.Equal(EventKinds.All.Length, EventKinds.All.Select(k => k.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(EventKinds.All, k => Assert.Matches(WireName(), k.Name));
        Assert.All(EventKinds.All, k => Assert.False(string.IsNullOrWhiteSpace(k.Meaning), k.Name));
        var constants = typeof(EventKinds).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);
        Assert.Equal(constants.Order(StringComparer.Ordinal), EventKinds.All.Select(k => k.Name).Order(StringComparer.Ordinal));
        Assert.All(Enum.GetValues<ShipmentStatus>(), s => Assert.True(EventKinds.IsCatalogued(EventKinds.Shipment(s))));
        Assert.All(Enum.GetValues<PickListStatus>(), s => Assert.True(EventKinds.IsCatalogued(EventKinds.PickList(s))));
        Assert.All(Enum.GetValues<OrderGrid.AfterSales.TicketStatus>(), s => Assert.True(EventKinds.IsCatalogued(EventKinds.Ticket(s))));
    }

    [Fact]
    public void No_refusal_or_problem_code_is_the_name_of_an_event_kind()
    {
        var codes = SourceFiles(SourceFolders, "*.cs")
            .SelectMany(f => CodeCall().Matches(File.ReadAllText(f)).Select(m => (File: f, Code: m.Groups["code"].Value)))
            .Concat(OrderTransitions.Refused.Select(r => (File: "OrderTransitions.Refused", r.Code)))
            .ToArray();

        Assert.NotEmpty(codes);
        Assert.Contains(codes, c => c.Code == "order.in-merge");
        Assert.Empty(codes.Where(c => EventKinds.IsCatalogued(c.Code)).Select(c => $"{c.File}: {c.Code}"));
    }

    [Fact]
    public void No_source_file_but_the_catalogue_writes_an_event_kind_as_a_literal()
    {
        var catalogue = Repository.PathOf("grain-interfaces/Orders/EventKinds.cs");
        var generated = Repository.PathOf("dashboard/src/shared/event-kinds.ts");
        var files = SourceFiles(SourceFolders, "*.cs").Concat(SourceFiles(["dashboard/src"], "*.ts"))
            .Where(f => f != catalogue && f != generated);

        var literals = files.SelectMany(f => Literal().Matches(File.ReadAllText(f))
            .Select(m => m.Groups["text"].Value)
            .Where(EventKinds.IsCatalogued)
            .Select(k => $"{Path.GetRelativePath(Repository.Root, f)}: \"{k}\""));

        Assert.Empty(literals);
    }

    private static IEnumerable<string> SourceFiles(IEnumerable<string> folders, string pattern) =>
        folders.SelectMany(folder => Directory.EnumerateFiles(Repository.PathOf(folder), pattern, SearchOption.AllDirectories))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules"));

    [GeneratedRegex("^[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*$")]
    private static partial Regex WireName();

    [GeneratedRegex("(?:Refusal|ApiProblems)\\.\\w+\\(\\s*\"(?<code>[a-z-]+\\.[a-z-]+)\"")]
    private static partial Regex CodeCall();

    [GeneratedRegex("[\"'](?<text>[a-z-]+\\.[a-z-]+)[\"']")]
    private static partial Regex Literal();
}