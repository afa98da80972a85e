using System.Text.Json.Serialization;

namespace OrderGrid.AfterSales;

/// <summary>A step ops may take with a return now (<see cref="ReturnView.AllowedActions"/>); JSON names are kebab-case.</summary>
[GenerateSerializer, Alias("og.return-action")]
public enum ReturnAction
{
    [JsonStringEnumMemberName("approve")] Approve = 0,
    [JsonStringEnumMemberName("decline")] Decline = 1,

    /// <summary>Count the goods in, each line with its condition (resaleable back to stock, damaged written off).</summary>
    [JsonStringEnumMemberName("receive")] Receive = 2,
    [JsonStringEnumMemberName("refund")] Refund = 3,

    /// <summary>Place the replacement order (once).</summary>
    [JsonStringEnumMemberName("exchange")] Exchange = 4,
}