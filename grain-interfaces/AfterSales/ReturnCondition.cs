namespace OrderGrid.AfterSales;

/// <summary>The state goods come back in: resaleable goes back to stock, damaged is written off.</summary>
[GenerateSerializer, Alias("og.return-condition")]
public enum ReturnCondition
{
    Resaleable = 0,
    Damaged = 1,
}