using System.Security.Cryptography;
using System.Text;

using OrderGrid.Webhooks;

namespace OrderGrid.Tests.Webhooks;

[Trait(Lane.Name, Lane.Fast)]
public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_test";
    private const string Body = """{"id":"OG-1:1","type":"order.placed"}""";

    [Fact]
    public void The_signature_is_the_hex_hmac_sha256_of_timestamp_dot_body()
    {
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes("1700000000." + Body)));

        Assert.Equal("sha256=" + expected, WebhookSignature.Sign(Secret, 1700000000, Body));
    }

    [Fact]
    public void A_receiver_with_the_secret_verifies_it()
    {
        var signature = WebhookSignature.Sign(Secret, 1700000000, Body);

        Assert.True(WebhookSignature.Verify(Secret, 1700000000, Body, signature));
    }

    [Theory]
    [InlineData("whsec_other", 1700000000, Body)]
    [InlineData(Secret, 1700000001, Body)]
    [InlineData(Secret, 1700000000, """{"id":"OG-1:2","type":"order.placed"}""")]
    public void Another_secret_timestamp_or_body_does_not_verify(string secret, long timestamp, string body)
    {
        var signature = WebhookSignature.Sign(Secret, 1700000000, Body);

        Assert.False(WebhookSignature.Verify(secret, timestamp, body, signature));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=00")]
    public void A_missing_or_malformed_signature_does_not_verify(string? signature) =>
        Assert.False(WebhookSignature.Verify(Secret, 1700000000, Body, signature));
}