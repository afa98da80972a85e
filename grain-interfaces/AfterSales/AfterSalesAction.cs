using System.Text.Json.Serialization;

namespace OrderGrid.AfterSales;

/// <summary>What the customer may do after the sale now (the tracking page's after-sales view); JSON names are kebab-case.</summary>
[GenerateSerializer, Alias("og.after-sales-action")]
public enum AfterSalesAction
{
    /// <summary>Ask for a return: the order is delivered and some shipped units are not on another return.</summary>
    [JsonStringEnumMemberName("request-return")] RequestReturn = 0,

    [JsonStringEnumMemberName("open-ticket")] OpenTicket = 1,

    /// <summary>Rate the order: the rating is due and not given yet.</summary>
    [JsonStringEnumMemberName("rate")] Rate = 2,
}