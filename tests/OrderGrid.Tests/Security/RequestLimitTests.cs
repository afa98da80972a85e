using System.Net;
using System.Text;

namespace OrderGrid.Tests.Security;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed class RequestLimitTests(OrderGridApp app)
{
    private const int OverOneMegabyte = (1024 * 1024) + 1;

    [Fact]
    public async Task A_body_declared_larger_than_the_limit_answers_413()
    {
        using var request = OrderRequests.PostRaw(Padded(OverOneMegabyte));

        using var response = await app.Customer.SendAsync(request);

        Assert.Equal("request.too-large", Json.Text((await Json.Problem(response, HttpStatusCode.RequestEntityTooLarge))["code"]));
    }

    [Fact]
    public async Task A_body_of_unknown_length_is_cut_off_at_the_limit_with_413()
    {
        using var body = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(Padded(OverOneMegabyte))));
        body.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = body };

        using var response = await app.Customer.SendAsync(request);

        Assert.Equal("request.too-large", Json.Text((await Json.Problem(response, HttpStatusCode.RequestEntityTooLarge))["code"]));
    }

    [Fact]
    public async Task Json_nested_deeper_than_the_limit_answers_400()
    {
        const int depth = 100;
        using var request = OrderRequests.PostRaw($"{{\"customerId\":{new string('[', depth)}{new string(']', depth)}}}");

        using var response = await app.Customer.SendAsync(request);

        await Json.Problem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_body_under_the_limit_is_read_as_usual()
    {
        using var request = OrderRequests.PostRaw(Padded(64 * 1024));

        using var response = await app.Customer.SendAsync(request);

        await Json.Problem(response, HttpStatusCode.BadRequest);
    }

    /// <summary>An order body whose customer id is long enough to make the body <paramref name="bytes"/> long.</summary>
    private static string Padded(int bytes)
    {
        const string start = "{\"customerId\":\"";
        const string end = "\",\"channel\":\"web\",\"lines\":[]}";
        return start + new string('x', bytes - start.Length - end.Length) + end;
    }

    /// <summary>A body the client cannot measure, so it is sent without Content-Length.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}