using System.Text.Json;

using OrderGrid.Orders;

namespace OrderGrid.Silo.ReadModel;

/// <summary>
/// One delivery of order changes as column arrays, the shape <c>unnest</c> turns back into rows: a whole batch
/// goes to PostgreSQL as a few array parameters instead of one statement per order.
/// </summary>
internal sealed class ReadModelBatch
{
    /// <summary>Joins the elements of a list-valued column; <c>string_to_array(…, chr(31))</c> splits it again.</summary>
    public const char Separator = '\u001f';

    /// <summary>The timeline entries at which an order first leaves review and placement: its demand is counted there.</summary>
    public static readonly IReadOnlySet<string> DemandKinds = new HashSet<string>(StringComparer.Ordinal) { EventKinds.OrderReserved, EventKinds.OrderBackordered };

    private ReadModelBatch()
    {
    }

    public OrderColumns Orders { get; } = new();

    public LineColumns Lines { get; } = new();

    public ShipmentColumns Shipments { get; } = new();

    public TimelineColumns Timeline { get; } = new();

    public DemandColumns Demand { get; } = new();

    /// <summary>
    /// Builds the rows of a delivery. An order that appears more than once is written once, from its newest view,
    /// with every entry after its oldest unpublished version; orders go in id order so that concurrent writers
    /// lock rows in the same order.
    /// </summary>
    public static ReadModelBatch From(IReadOnlyList<OrderChanged> changes)
    {
        var batch = new ReadModelBatch();
        var orders = changes
            .GroupBy(c => c.Order.Id, StringComparer.Ordinal)
            .Select(g => (Order: g.MaxBy(c => c.Order.Version)!.Order, FromVersion: g.Min(c => c.FromVersion)))
            .OrderBy(o => o.Order.Id, StringComparer.Ordinal);
        foreach (var (order, fromVersion) in orders)
        {
            batch.Add(order, fromVersion);
        }

        return batch;
    }

    public static string ChannelName(SalesChannel channel) => JsonNamingPolicy.CamelCase.ConvertName(channel.ToString());

    private void Add(OrderView order, long fromVersion)
    {
        var channel = ChannelName(order.Channel);
        var skus = order.Lines.Select(l => l.Sku).ToArray();
        var warehouses = order.Lines
            .SelectMany(l => l.Allocations.Where(a => a.Reserved > 0 || a.Backordered > 0).Select(a => a.WarehouseId))
            .Concat(order.PickLists.Select(p => p.WarehouseId))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        // What staff find an order by (the wall's "Find an order"): its id, the customer's id, email and the ship-to name.
        var search = string.Join(Separator, order.Id, order.CustomerId, order.Email ?? "", order.ShipTo?.Name ?? "").ToLowerInvariant();

        Orders.Add(order, channel, string.Join(Separator, warehouses), string.Join(Separator, skus),
            string.Join(Separator, order.Holds.Select(h => h.Kind.ToString()).Distinct()), search);

        foreach (var line in order.Lines)
        {
            Lines.Add(order, line);
        }

        foreach (var shipment in order.Shipments)
        {
            Shipments.Add(order, shipment);
        }

        foreach (var entry in order.Timeline.Where(e => e.Sequence > fromVersion))
        {
            Timeline.Add(order.Id, entry);
        }

        // Demand is counted at the first reservation or backorder only (a backordered order is reserved again
        // when stock arrives). The rows go along every time; SQL keeps them only if that entry is newly written.
        var demand = order.Timeline.FirstOrDefault(e => DemandKinds.Contains(e.Kind));
        if (demand is not null && demand.Sequence > fromVersion)
        {
            var day = DateOnly.FromDateTime(order.PlacedAt.UtcDateTime);
            foreach (var line in order.Lines)
            {
                Demand.Add(order.Id, demand.Sequence, line, day, channel);
            }
        }
    }

    internal static DateTime Utc(DateTimeOffset value) => value.UtcDateTime;

    public sealed class OrderColumns
    {
        public List<string> Id { get; } = [];

        public List<string> Status { get; } = [];

        public List<string> Channel { get; } = [];

        public List<string> CustomerId { get; } = [];

        public List<string?> Email { get; } = [];

        public List<string?> Phone { get; } = [];

        public List<string?> ShipToName { get; } = [];

        public List<string?> ShipToCountry { get; } = [];

        public List<string?> ShipToCity { get; } = [];

        public List<string?> ShipToPostalCode { get; } = [];

        public List<decimal> Total { get; } = [];

        public List<int> LineCount { get; } = [];

        public List<int> ItemCount { get; } = [];

        public List<string> WarehouseIds { get; } = [];

        public List<string> Skus { get; } = [];

        public List<string> HoldKinds { get; } = [];

        public List<DateTime> PlacedAt { get; } = [];

        public List<DateTime> UpdatedAt { get; } = [];

        public List<long> Version { get; } = [];

        public List<string> Search { get; } = [];

        public int Count => Id.Count;

        internal void Add(OrderView order, string channel, string warehouseIds, string skus, string holdKinds, string search)
        {
            Id.Add(order.Id);
            Status.Add(order.Status.ToString());
            Channel.Add(channel);
            CustomerId.Add(order.CustomerId);
            Email.Add(order.Email);
            Phone.Add(order.Phone);
            ShipToName.Add(order.ShipTo?.Name);
            ShipToCountry.Add(order.ShipTo?.Country);
            ShipToCity.Add(order.ShipTo?.City);
            ShipToPostalCode.Add(order.ShipTo?.PostalCode);
            Total.Add(order.Total);
            LineCount.Add(order.Lines.Length);
            ItemCount.Add(order.Lines.Sum(l => l.Quantity));
            WarehouseIds.Add(warehouseIds);
            Skus.Add(skus);
            HoldKinds.Add(holdKinds);
            PlacedAt.Add(Utc(order.PlacedAt));
            UpdatedAt.Add(Utc(order.UpdatedAt));
            Version.Add(order.Version);
            Search.Add(search);
        }
    }

    public sealed class LineColumns
    {
        public List<string> OrderId { get; } = [];

        public List<string> Sku { get; } = [];

        public List<string> Name { get; } = [];

        public List<int> Quantity { get; } = [];

        public List<decimal> UnitPrice { get; } = [];

        public List<int> Reserved { get; } = [];

        public List<int> Backordered { get; } = [];

        public List<long> OrderVersion { get; } = [];

        internal void Add(OrderView order, OrderLineView line)
        {
            OrderId.Add(order.Id);
            Sku.Add(line.Sku);
            Name.Add(line.Name);
            Quantity.Add(line.Quantity);
            UnitPrice.Add(line.UnitPrice);
            Reserved.Add(line.ReservedQuantity);
            Backordered.Add(line.BackorderedQuantity);
            OrderVersion.Add(order.Version);
        }
    }

    public sealed class ShipmentColumns
    {
        public List<string> Id { get; } = [];

        public List<string> OrderId { get; } = [];

        public List<string> PickListId { get; } = [];

        public List<string> Carrier { get; } = [];

        public List<string> TrackingNumber { get; } = [];

        public List<string> Status { get; } = [];

        public List<DateTime> UpdatedAt { get; } = [];

        public List<long> OrderVersion { get; } = [];

        public int Count => Id.Count;

        internal void Add(OrderView order, ShipmentLink shipment)
        {
            Id.Add(shipment.ShipmentId);
            OrderId.Add(order.Id);
            PickListId.Add(shipment.PickListId);
            Carrier.Add(shipment.Carrier);
            TrackingNumber.Add(shipment.TrackingNumber);
            Status.Add(shipment.Status.ToString());
            UpdatedAt.Add(Utc(order.UpdatedAt));
            OrderVersion.Add(order.Version);
        }
    }

    public sealed class TimelineColumns
    {
        public List<string> OrderId { get; } = [];

        public List<long> Sequence { get; } = [];

        public List<DateTime> At { get; } = [];

        public List<string> Kind { get; } = [];

        public List<string> Description { get; } = [];

        public List<string> ActorKind { get; } = [];

        public List<string> ActorName { get; } = [];

        public List<string> Status { get; } = [];

        public int Count => OrderId.Count;

        internal void Add(string orderId, TimelineEntry entry)
        {
            OrderId.Add(orderId);
            Sequence.Add(entry.Sequence);
            At.Add(Utc(entry.At));
            Kind.Add(entry.Kind);
            Description.Add(entry.Description);
            ActorKind.Add(entry.Actor.Kind.ToString());
            ActorName.Add(entry.Actor.Name);
            Status.Add(entry.Status.ToString());
        }
    }

    /// <summary>What an order adds to daily sales: each line split over the warehouses it was allocated to.</summary>
    public sealed class DemandColumns
    {
        public List<string> OrderId { get; } = [];

        public List<long> Sequence { get; } = [];

        public List<string> Sku { get; } = [];

        public List<string> WarehouseId { get; } = [];

        public List<DateOnly> Day { get; } = [];

        public List<string> Channel { get; } = [];

        public List<int> Quantity { get; } = [];

        public List<decimal> Revenue { get; } = [];

        internal void Add(string orderId, long sequence, OrderLineView line, DateOnly day, string channel)
        {
            var left = line.Quantity;
            foreach (var allocation in line.Allocations
                .GroupBy(a => a.WarehouseId, StringComparer.Ordinal)
                .Select(g => (WarehouseId: g.Key, Quantity: g.Sum(a => a.Reserved + a.Backordered))))
            {
                var quantity = Math.Min(allocation.Quantity, left);
                if (quantity > 0)
                {
                    Add(orderId, sequence, line, day, channel, allocation.WarehouseId, quantity);
                    left -= quantity;
                }
            }

            // No allocation known (already released when a late delivery took its snapshot): no warehouse.
            if (left > 0)
            {
                Add(orderId, sequence, line, day, channel, "", left);
            }
        }

        private void Add(string orderId, long sequence, OrderLineView line, DateOnly day, string channel, string warehouseId, int quantity)
        {
            OrderId.Add(orderId);
            Sequence.Add(sequence);
            Sku.Add(line.Sku);
            WarehouseId.Add(warehouseId);
            Day.Add(day);
            Channel.Add(channel);
            Quantity.Add(quantity);
            Revenue.Add(quantity * line.UnitPrice);
        }
    }
}