using System.Collections.Frozen;

namespace OrderGrid.Silo.Import;

/// <summary>
/// Stock codes of the history that are not products. Product codes start with five digits (<c>85123A</c>,
/// <c>22423</c>); postage, fees, manual entries, samples and gift vouchers do not.
/// </summary>
public static class NonProductCodes
{
    /// <summary>The codes named in the data set's description, kept so that the rule is explicit even for a code that started with five digits.</summary>
    public static FrozenSet<string> Known { get; } = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "POST", "M", "D", "DOT", "BANK CHARGES", "AMAZONFEE", "C2", "PADS", "CRUK", "B", "S");

    public static bool IsNonProduct(string stockCode) =>
        Known.Contains(stockCode) || stockCode.Length < 5 || !stockCode.AsSpan(0, 5).ContainsOnlyDigits();

    private static bool ContainsOnlyDigits(this ReadOnlySpan<char> text) => !text.ContainsAnyExceptInRange('0', '9');
}