using System.Buffers;

namespace OrderGrid.Api.Catalog;

/// <summary>The shape of a SKU: 1–40 letters, digits, <c>-</c>, <c>_</c> or <c>.</c> (safe in a stock key and a URL).</summary>
public static class Skus
{
    public const int MaxLength = 40;

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.");

    public static bool IsWellFormed(string? sku) =>
        sku is { Length: > 0 and <= MaxLength } && sku.AsSpan().IndexOfAnyExcept(Allowed) < 0;

    /// <summary>
    /// The product for an anonymous read, or null. The catalog is asked first, so that made-up SKUs never activate a
    /// product grain each (its own grain stays the source of the name and price).
    /// </summary>
    public static async Task<OrderGrid.Catalog.Product?> Find(IGrainFactory grains, string sku)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return IsWellFormed(sku) && await grains.GetGrain<OrderGrid.Catalog.ICatalogGrain>("default").Contains(sku)
            ? await grains.GetGrain<OrderGrid.Catalog.IProductGrain>(sku).Get()
            : null;
    }

    public static void Check(this Problems.FieldErrors errors, string path, string? sku)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (sku is null)
        {
            errors.Add(path, "Required.");
        }
        else if (!IsWellFormed(sku))
        {
            errors.Add(path, $"A SKU is 1 to {MaxLength} letters, digits, '-', '_' or '.'.");
        }
    }
}