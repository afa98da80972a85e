using System.Globalization;

namespace OrderGrid.Common;

/// <summary>Counts in words as people write them: "1 item", "2 items" (never "2 item(s)").</summary>
public static class Counted
{
    public static string Items(int count) => Of(count, "item", "items");

    public static string Of(int count, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}");
}