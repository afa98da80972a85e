namespace OrderGrid.Silo.Import;

/// <summary>What a row of the sales history is. Only sales and cancellations count in the daily sales.</summary>
public enum SalesLineKind
{
    Sale,

    /// <summary>An invoice number starting with <c>C</c>, or a negative quantity.</summary>
    Cancellation,

    /// <summary>Postage, fees, manual entries and other codes that are not a product (see <see cref="NonProductCodes"/>).</summary>
    NonProduct,

    /// <summary>A negative unit price ("Adjust bad debt").</summary>
    Adjustment,
}