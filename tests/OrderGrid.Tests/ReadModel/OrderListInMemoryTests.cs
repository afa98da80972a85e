using System.Net;

namespace OrderGrid.Tests.ReadModel;

/// <summary>InMemory storage has no read model: the list and the timeline say so instead of failing.</summary>
[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class OrderListInMemoryTests(OrderGridApp app)
{
    [Theory]
    [InlineData("/api/orders")]
    [InlineData("/api/orders?status=Reserved")]
    [InlineData("/api/orders/OG-0000-0000/timeline")]
    public async Task Without_PostgreSQL_the_read_model_answers_503(string path)
    {
        using var response = await app.Ops.GetAsync(new Uri(path, UriKind.Relative));

        var problem = await Json.Problem(response, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("read-model.unavailable", Json.Text(problem["code"]));
        Assert.Contains("OrderGrid:Storage:Mode Embedded or External", Json.Text(problem["detail"]), StringComparison.Ordinal);
    }
}