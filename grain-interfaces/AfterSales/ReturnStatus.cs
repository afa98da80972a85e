namespace OrderGrid.AfterSales;

/// <summary>Where a return (RMA) stands.</summary>
[GenerateSerializer, Alias("og.return-status")]
public enum ReturnStatus
{
    Requested = 0,
    Approved = 1,
    Declined = 2,
    Received = 3,
    Refunded = 4,
}