using OrderGrid.Catalog;
using OrderGrid.Common;
using OrderGrid.Orders;

namespace OrderGrid.Carts;

/// <summary>A customer's online cart. Prices are looked up when shown and fixed only when the order is placed.</summary>
[GrainType("cart")]
public sealed class CartGrain(
    [PersistentState("cart", "carts")] IPersistentState<CartState> state) : Grain, ICartGrain
{
    public const int MaxItems = PlacementRules.MaxLines;

    public async Task<CartView> Get()
    {
        var products = await Task.WhenAll(state.State.Items.Select(i => GrainFactory.GetGrain<IProductGrain>(i.Sku).Get()));
        var lines = state.State.Items
            .Select((item, i) => products[i] is { } p ? new CartLine(item.Sku, p.Name, item.Quantity, p.UnitPrice) : null)
            .OfType<CartLine>()
            .ToArray();
        return new CartView(this.GetPrimaryKeyString(), [.. lines], lines.Sum(l => l.UnitPrice * l.Quantity));
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

        var items = state.State.Items;
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

        state.State = new CartState { Items = items };
        await state.WriteStateAsync();
        return await Get();
    }

    public async Task<Outcome<OrderPlacement>> Checkout(Checkout checkout)
    {
        var customerId = this.GetPrimaryKeyString();
        if (state.State.Items.IsEmpty)
        {
            // A retried checkout finds its order already placed and the cart already empty.
            var earlier = await GrainFactory.GetGrain<IOrderGrain>(checkout.OrderId).Get();
            return earlier is not null && earlier.CustomerId == customerId
                ? new OrderPlacement(earlier, Replayed: true)
                : Refusal.Conflict("cart.empty", "The cart is empty.");
        }

        var order = new PlaceOrder(customerId, checkout.Email, checkout.Phone, checkout.Channel,
            [.. state.State.Items.Select(i => new OrderLineRequest(i.Sku, i.Quantity))], checkout.ShipTo, Actor.Customer(customerId));
        var placed = await GrainFactory.GetGrain<IOrderGrain>(checkout.OrderId).Place(order);
        if (placed.Succeeded)
        {
            state.State = new CartState();
            await state.WriteStateAsync();
        }

        return placed;
    }
}