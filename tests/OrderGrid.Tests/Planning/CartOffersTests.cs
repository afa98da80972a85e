using System.Net;

using OrderGrid.Tests.Browser;

namespace OrderGrid.Tests.Planning;

/// <summary>Issue 15, row 2: a cart's offers tell a customer's segment to that customer and staff, and to nobody else.</summary>
[Trait(Lane.Name, Lane.Integration)]
public sealed class CartOffersTests(PlanningSite planning) : IClassFixture<PlanningSite>
{
    [Fact]
    public async Task A_known_customers_cart_tells_their_segment_to_them_and_to_staff_and_a_guests_cart_tells_none()
    {
        await planning.Train();
        using var known = planning.Client(OrderGridApp.CustomerToken(planning.Services, PlanningSite.KnownCustomer));
        var cartId = await CartRequests.Open(known);
        (await CartRequests.Put(known, cartId, PlanningSite.Steady, 1)).Dispose();
        var guestCart = await CartRequests.Open(planning.Customer);
        (await CartRequests.Put(planning.Customer, guestCart, PlanningSite.Steady, 1)).Dispose();
        var offers = $"/api/carts/{cartId}/recommendations";

        using var own = await known.GetAsync(new Uri(offers, UriKind.Relative));
        using var staff = await planning.Ops.GetAsync(new Uri(offers, UriKind.Relative));
        using var anonymous = await planning.Customer.GetAsync(new Uri(offers, UriKind.Relative));
        using var guest = await planning.Customer.GetAsync(new Uri($"/api/carts/{guestCart}/recommendations", UriKind.Relative));

        var segment = Json.Text((await Json.Ok(own))["segment"]);
        Assert.Equal(segment, Json.Text((await Json.Ok(staff))["segment"]));
        var refused = await Json.Problem(anonymous, HttpStatusCode.Unauthorized);
        Assert.DoesNotContain(segment, refused.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        var guestOffers = await Json.Ok(guest);
        Assert.Null(guestOffers["segment"]);
        Assert.NotEmpty(Json.Array(guestOffers["products"]));
    }
}