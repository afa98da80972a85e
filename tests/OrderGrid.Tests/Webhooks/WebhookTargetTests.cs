using System.Net;

using OrderGrid.Webhooks;

namespace OrderGrid.Tests.Webhooks;

/// <summary>Row 6 of issue 15, the rule: which addresses a webhook may name, however they are spelled.</summary>
[Trait(Lane.Name, Lane.Fast)]
public sealed class WebhookTargetTests
{
    [Theory]
    [InlineData("http://erp.example.com/hooks")]
    [InlineData("https://admin:secret@erp.example.com/hooks")]
    [InlineData("https://token@erp.example.com/hooks")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://[fd00:ec2::254]/latest")]
    [InlineData("https://[::1]:5432/")]
    [InlineData("https://127.0.0.1/")]
    [InlineData("https://0x7f000001/")]
    [InlineData("https://2130706433/")]
    [InlineData("https://127.1/")]
    [InlineData("https://017700000001/")]
    [InlineData("https://[::ffff:127.0.0.1]/")]
    [InlineData("https://[::ffff:10.0.0.1]/")]
    [InlineData("https://10.0.0.1/")]
    [InlineData("https://172.16.5.4/")]
    [InlineData("https://192.168.1.1/")]
    [InlineData("https://100.64.0.1/")]
    [InlineData("https://[fd12:3456::1]/")]
    [InlineData("https://[fe80::1]/")]
    [InlineData("https://169.254.1.1/")]
    [InlineData("https://0.0.0.0/")]
    [InlineData("https://[::]/")]
    [InlineData("https://224.0.0.1/")]
    [InlineData("https://[ff02::1]/")]
    [InlineData("https://255.255.255.255/")]
    public void A_webhook_to_a_local_private_or_metadata_address_or_with_credentials_is_refused(string url)
    {
        Assert.NotNull(WebhookTargets.UrlProblem(url, allowDevelopmentTargets: false));
    }

    [Theory]
    [InlineData("https://erp.example.com/hooks/ordergrid")]
    [InlineData("https://93.184.216.34/hook")]
    [InlineData("https://[2606:2800:220:1:248:1893:25c8:1946]/hook")]
    public void A_public_https_webhook_is_accepted(string url)
    {
        Assert.Null(WebhookTargets.UrlProblem(url, allowDevelopmentTargets: false));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/hook", true)]
    [InlineData("http://localhost:5000/hook", true)]
    [InlineData("https://10.0.0.1/hook", true)]
    [InlineData("https://[::1]/hook", true)]
    [InlineData("https://169.254.169.254/latest", false)]
    [InlineData("https://[fd00:ec2::254]/latest", false)]
    [InlineData("https://0.0.0.0/", false)]
    [InlineData("https://user:pw@127.0.0.1/", false)]
    public void The_development_setting_allows_local_http_receivers_but_never_metadata_or_credentials(string url, bool allowed)
    {
        Assert.Equal(allowed, WebhookTargets.UrlProblem(url, allowDevelopmentTargets: true) is null);
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("::ffff:192.168.0.1", false)]
    [InlineData("64:ff9b::a9fe:a9fe", false)]
    [InlineData("2002:7f00:1::1", false)]
    [InlineData("64:ff9b::808:808", true)]
    [InlineData("8.8.8.8", true)]
    [InlineData("2001:4860:4860::8888", true)]
    public void A_resolved_address_is_judged_by_the_same_rule(string address, bool allowed)
    {
        Assert.Equal(allowed, WebhookTargets.IsAllowed(IPAddress.Parse(address), allowDevelopmentTargets: false));
    }
}