using System.Collections.Concurrent;
using System.Globalization;

namespace OrderGrid.Common;

/// <summary>
/// Amounts in words staff and customers read (timelines, notices): "£8.33", as the pages show them, from the
/// catalog's ISO 4217 currency (<c>OrderGrid:Catalog:Currency</c>).
/// </summary>
public static class MoneyText
{
    private static readonly ConcurrentDictionary<string, string?> Symbols = new(StringComparer.Ordinal);

    /// <summary>The amount with the currency's symbol ("£8.33", "€1,250.00"); with the code after it when no symbol is known ("8.33 XTS"); bare without a currency.</summary>
    public static string Format(decimal amount, string? currency)
    {
        var figure = amount.ToString("N2", CultureInfo.InvariantCulture);
        if (string.IsNullOrWhiteSpace(currency))
        {
            return figure;
        }

        return Symbols.GetOrAdd(currency, SymbolOf) is { } symbol ? symbol + figure : $"{figure} {currency}";
    }

    /// <summary>The symbol English readers know the currency by: an English-speaking region's that uses it, else any region's.</summary>
    private static string? SymbolOf(string currency)
    {
        var users = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Where(culture => Region(culture)?.ISOCurrencySymbol == currency)
            .OrderBy(culture => culture.TwoLetterISOLanguageName == "en" ? 0 : 1)
            .ThenBy(culture => culture.Name, StringComparer.Ordinal)
            .ToList();
        return users.Count == 0 ? null : users[0].NumberFormat.CurrencySymbol;
    }

    private static RegionInfo? Region(CultureInfo culture)
    {
        try
        {
            return new RegionInfo(culture.Name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}