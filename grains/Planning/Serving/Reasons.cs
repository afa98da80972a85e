using System.Collections.Immutable;
using System.Text.RegularExpressions;

using OrderGrid.Catalog;

namespace OrderGrid.Planning.Serving;

/// <summary>Puts product names where a recommendation's reason names a product by its SKU.</summary>
public static partial class Reasons
{
    public static string Named(string reason, ImmutableDictionary<string, Product> catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return Word().Replace(reason ?? "", match => catalog.TryGetValue(match.Value, out var product) ? product.Name : match.Value);
    }

    [GeneratedRegex(@"[A-Za-z0-9][A-Za-z0-9_.\-]*")]
    private static partial Regex Word();
}