using OrderGrid.Common;

namespace OrderGrid.Tests.Domain;

[Trait(Lane.Name, Lane.Fast)]
public sealed class MoneyTextTests
{
    [Theory]
    [InlineData(8.33, "GBP", "£8.33")]
    [InlineData(1250, "EUR", "€1,250.00")]
    [InlineData(0.5, "USD", "$0.50")]
    [InlineData(8.33, "XTS", "8.33 XTS")]
    [InlineData(8.33, null, "8.33")]
    public void An_amount_reads_with_its_currency_symbol(double amount, string? currency, string expected)
    {
        Assert.Equal(expected, MoneyText.Format((decimal)amount, currency));
    }
}