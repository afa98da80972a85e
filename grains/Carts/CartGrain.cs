using System.Collections.Immutable;

using Microsoft.Extensions.Options;

using OrderGrid.Catalog;
using OrderGrid.Common;
using OrderGrid.DueWork;
using OrderGrid.Orders;
using OrderGrid.Stock;
using OrderGrid.Warehouses;

namespace OrderGrid.Carts;

/// <summary>
/// An online cart, a guest's or a signed-in customer's. Prices are looked up when shown and fixed only when the order
/// is placed. The cart holds stock for its items (never backordered) for <see cref="CartOptions.HoldFor"/> after its
/// last change, within the limits of <see cref="CartOptions"/>. The hold's end is the state's wake-up time
/// (<see cref="CartState.DueAt"/>), stored with it: the silo's due-work scanner wakes the cart once it has passed and the
/// cart releases the hold (<see cref="Wake"/>). Checkout hands the held units to the order in the same stock step.
/// </summary>
[GrainType("cart")]
public sealed class CartGrain(
    [PersistentState("cart", "carts")] IPersistentState<CartState> state,
    IOptions<CartOptions> options,
    TimeProvider clock) : Grain, ICartGrain, IDueWork, IRemindable
{
    public const int MaxItems = PlacementRules.MaxLines;

    private CartState Cart => state.State;

    private string CartId => this.GetPrimaryKeyString();

    public async Task<CartView> Open(string customerId)
    {
        if (Cart.CustomerId is null && Cart.Items.IsEmpty && Cart.HoldNumber == 0)
        {
            state.State = Cart with { CustomerId = customerId };
            await state.WriteStateAsync();
        }

        return await Get();
    }

    public Task<string?> Owner() => Task.FromResult(Cart.CustomerId);

    public async Task<CartView> Get()
    {
        var products = await Task.WhenAll(Cart.Items.Select(i => GrainFactory.GetGrain<IProductGrain>(i.Sku).Get()));
        var held = Cart.Holding ? Cart.Held : [];
        var lines = Cart.Items
            .Select((item, i) => products[i] is { } p
                ? new CartLine(item.Sku, p.Name, item.Quantity, p.UnitPrice, held.Where(h => h.Sku == item.Sku).Sum(h => h.Quantity))
                : null)
            .OfType<CartLine>()
            .ToArray();
        return new CartView(CartId, [.. lines], lines.Sum(l => l.UnitPrice * l.Quantity), Cart.Holding ? Cart.HeldUntil : null, Cart.CustomerId);
    }

    public async Task<Outcome<CartView>> SetQuantity(string sku, int quantity)
    {
        if (quantity is < 0 or > PlacementRules.MaxQuantity)
        {
            return Refusal.Invalid("cart.invalid-quantity", $"Quantity must be between 0 and {PlacementRules.MaxQuantity:N0}.");
        }

        if (quantity > 0 && await GrainFactory.GetGrain<IProductGrain>(sku).Get() is null)
        {
            return Refusal.NotFound("product.not-found", $"Unknown SKU {sku}.");
        }

        var items = Cart.Items;
        var existing = items.FirstOrDefault(i => i.Sku == sku);
        items = (existing, quantity) switch
        {
            (null, 0) => items,
            (null, _) => items.Add(new CartItem(sku, quantity)),
            (_, 0) => items.Remove(existing),
            _ => items.Replace(existing, existing with { Quantity = quantity }),
        };
        if (items.Length > MaxItems)
        {
            return Refusal.Invalid("cart.too-many-items", $"A cart holds at most {MaxItems} products.");
        }

        state.State = Cart with { Items = items };
        await Hold();
        return await Get();
    }

    public async Task<Outcome<OrderPlacement>> Checkout(Checkout checkout)
    {
        var customerId = Cart.CustomerId ?? checkout.CustomerId;
        var earlier = await GrainFactory.GetGrain<IOrderGrain>(checkout.OrderId).Get();
        if (Cart.Items.IsEmpty)
        {
            // A retried checkout finds its order already placed and the cart already empty.
            return earlier is not null && earlier.CustomerId == customerId
                ? new OrderPlacement(earlier, Replayed: true)
                : Refusal.Conflict("cart.empty", "The cart is empty.");
        }

        var handedOver = earlier is null ? await HandOverHold(checkout.OrderId) : [];
        var order = new PlaceOrder(customerId, checkout.Email, checkout.Phone, checkout.Channel,
            [.. Cart.Items.Select(i => new OrderLineRequest(i.Sku, i.Quantity))], checkout.ShipTo, checkout.By ?? Actor.Customer(customerId));
        var placed = await GrainFactory.GetGrain<IOrderGrain>(checkout.OrderId).Place(order);
        if (placed.Succeeded)
        {
            await ReleaseHold();
            // A new shopping trip: the cart may hold again, for the full time.
            state.State = new CartState { HoldNumber = Cart.HoldNumber, ReleasedAt = Cart.ReleasedAt, CustomerId = Cart.CustomerId };
            await state.WriteStateAsync();
        }
        else if (!handedOver.IsEmpty)
        {
            // No order took the units: give them back and hold them for the cart again.
            await Task.WhenAll(handedOver.Select(h => Stock(h).Release(checkout.OrderId)));
            await Hold();
        }

        return placed;
    }

    /// <summary>Releases the held stock once its time is up; before that, and a second time, it does nothing.</summary>
    public async Task Wake()
    {
        if (Cart.Holding && clock.GetUtcNow() >= Cart.HeldUntil)
        {
            await ReleaseHold();
        }
    }

    /// <summary>The "cart-hold" reminder of earlier versions, retired when it next fires (LegacyReminders).</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await state.WriteStateAsync();
        await this.Retire(reminderName);
        await Wake();
    }

    /// <summary>
    /// Holds the cart's items again for the full time, under the current hold's id (a new one after a release), but never
    /// past <see cref="CartOptions.HoldAtMostFor"/> after the first hold: touching the cart cannot keep stock forever.
    /// </summary>
    private async Task Hold()
    {
        var limits = options.Value;
        var now = clock.GetUtcNow();
        var firstHeldAt = Cart.FirstHeldAt ?? now;
        var holdingEnds = firstHeldAt + limits.HoldAtMostFor;
        if (Cart.Items.IsEmpty || now >= holdingEnds)
        {
            await ReleaseHold();
            await state.WriteStateAsync();
            return;
        }

        var number = Cart.Holding ? Cart.HoldNumber : Cart.HoldNumber + 1;
        var holdId = CartHolds.Id(CartId, number);
        var previous = Cart.Holding ? Cart.Held : [];
        var warehouses = (await GrainFactory.GetGrain<IWarehouseDirectoryGrain>("default").List()).Select(w => w.Id).ToArray();
        var levels = await Task.WhenAll(from w in warehouses from i in Cart.Items select Stock(w, i.Sku).GetLevel());
        var available = levels.ToDictionary(l => (l.WarehouseId, l.Sku), l => l.Available);
        foreach (var own in previous.Where(h => available.ContainsKey((h.WarehouseId, h.Sku))))
        {
            available[(own.WarehouseId, own.Sku)] += own.Quantity;
        }

        var plan = CartHolds.Plan(Cart.Items, warehouses, (w, sku) => available.GetValueOrDefault((w, sku)), limits.MaxHeldPerLine, limits.MaxHeldPerCart);
        var places = plan.Concat(previous).Select(h => (h.WarehouseId, h.Sku)).Distinct().ToArray();
        var heldUntil = now + limits.HoldFor < holdingEnds ? now + limits.HoldFor : holdingEnds;

        // Recorded, with the hold's end as the wake-up time, before the stock is asked: whatever a crash leaves half done,
        // the expiry still releases it.
        state.State = Cart with
        {
            HoldNumber = number,
            ReleasedAt = null,
            HeldUntil = heldUntil,
            FirstHeldAt = firstHeldAt,
            Held = [.. places.Select(p => new HeldStock(p.WarehouseId, p.Sku, 0))],
        };
        await state.WriteStateAsync();

        // The stock grain has the last word: all carts together keep at most their share of its stock.
        var answers = await Task.WhenAll(places.Select(p => Stock(p.WarehouseId, p.Sku).Demand(new StockDemand(
            holdId, plan.Where(h => (h.WarehouseId, h.Sku) == p).Sum(h => h.Quantity), Backorder: false, now, Hold: true))));
        state.State = Cart with { Held = [.. answers.Where(a => a.Reserved > 0).Select(a => new HeldStock(a.WarehouseId, a.Sku, a.Reserved))] };
        await state.WriteStateAsync();
    }

    /// <summary>Moves the held units to the order in one step per stock grain, so no one else can take them in between.</summary>
    private async Task<ImmutableArray<HeldStock>> HandOverHold(string orderId)
    {
        if (!Cart.Holding)
        {
            return [];
        }

        var holdId = CartHolds.Id(CartId, Cart.HoldNumber);
        var held = Cart.Held;
        var now = clock.GetUtcNow();
        await Task.WhenAll(held.Select(h => Stock(h).Demand(new StockDemand(orderId, h.Quantity, Backorder: false, now, TakesOverHold: holdId))));
        state.State = Cart with { Held = [], ReleasedAt = now };
        await state.WriteStateAsync();
        return held;
    }

    /// <summary>Gives the held units back to the warehouses and records it; releasing by id twice releases once.</summary>
    private async Task ReleaseHold()
    {
        if (!Cart.Holding)
        {
            return;
        }

        var holdId = CartHolds.Id(CartId, Cart.HoldNumber);
        await Task.WhenAll(Cart.Held.Select(h => Stock(h).Release(holdId)));
        state.State = Cart with { Held = [], ReleasedAt = clock.GetUtcNow() };
        await state.WriteStateAsync();
    }

    private ISkuStockGrain Stock(HeldStock held) => Stock(held.WarehouseId, held.Sku);

    private ISkuStockGrain Stock(string warehouseId, string sku) => GrainFactory.GetGrain<ISkuStockGrain>(StockKey.For(warehouseId, sku));
}