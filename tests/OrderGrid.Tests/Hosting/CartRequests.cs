using System.Net;
using System.Net.Http.Json;

namespace OrderGrid.Tests.Hosting;

/// <summary>Cart requests as a client writes them: open a cart (its id is the server's), fill it, check it out.</summary>
public static class CartRequests
{
    /// <summary><c>POST /api/carts</c> with the client's credentials (none: a guest's cart); answers the new cart's id.</summary>
    public static async Task<string> Open(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.PostAsync(new Uri("/api/carts", UriKind.Relative), content: null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Json.Text((await Json.Read(response))["id"]);
    }

    public static Task<HttpResponseMessage> Put(HttpClient client, string cartId, string sku, int quantity)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.PutAsJsonAsync($"/api/carts/{cartId}/items/{sku}", new { quantity });
    }

    public static HttpRequestMessage Checkout(string cartId, string idempotencyKey, string email = "shopper@example.com", string channel = "web")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/carts/{cartId}/checkout")
        {
            Content = JsonContent.Create(new { channel, email, shipTo = OrderRequests.ShipTo }),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }
}