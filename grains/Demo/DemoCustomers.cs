using System.Collections.Immutable;
using System.Globalization;

using OrderGrid.Orders;

namespace OrderGrid.Demo;

/// <summary>
/// The simulator's customers: a few hundred people at plausible UK and EU addresses. Many customers rather than a
/// handful, so that no customer's list of orders grows without end while the demo runs for days.
/// </summary>
internal static class DemoCustomers
{
    private static readonly string[] FirstNames =
    [
        "Olivia", "Harry", "Amelia", "George", "Isla", "Jack", "Sophie", "Thomas", "Emily", "Noah", "Grace", "Oscar",
        "Lena", "Lukas", "Camille", "Sanne", "Aoife", "Marco", "Lucía", "Elise", "Freya", "Arjun", "Maya", "Callum",
    ];

    private static readonly string[] LastNames =
    [
        "Bennett", "Patel", "Hughes", "Campbell", "Thompson", "Wilson", "Clarke", "O'Neill", "Walker", "Ahmed", "Evans", "Murray",
        "Schmidt", "Becker", "Martin", "de Vries", "Murphy", "Rossi", "García", "Peeters", "Khan", "Robinson", "Lewis", "Fraser",
    ];

    // (street, city, postal code, country, phone prefix): phone numbers are the ranges regulators keep for fiction.
    private static readonly (string Street, string City, string PostalCode, string Country, string Phone)[] Places =
    [
        ("Park Row", "Leeds", "LS1 5HD", "GB", "+44 113 496 0"),
        ("Deansgate", "Manchester", "M3 4LY", "GB", "+44 161 496 0"),
        ("Queen Street", "Cardiff", "CF10 2BU", "GB", "+44 29 2018 0"),
        ("Rose Street", "Edinburgh", "EH2 2NP", "GB", "+44 131 496 0"),
        ("Broad Street", "Reading", "RG1 2BH", "GB", "+44 118 496 0"),
        ("Corporation Street", "Birmingham", "B2 4LP", "GB", "+44 121 496 0"),
        ("Mill Road", "Cambridge", "CB1 2AD", "GB", "+44 1223 496 0"),
        ("Botanic Avenue", "Belfast", "BT7 1JG", "GB", "+44 28 9649 6"),
        ("Gloucester Road", "Bristol", "BS7 8BN", "GB", "+44 117 496 0"),
        ("Upper Street", "London", "N1 0PQ", "GB", "+44 20 7946 0"),
        ("Berger Straße", "Frankfurt am Main", "60316", "DE", "+49 69 555 0"),
        ("Schönhauser Allee", "Berlin", "10435", "DE", "+49 30 555 0"),
        ("Rue Oberkampf", "Paris", "75011", "FR", "+33 1 99 00 0"),
        ("Haarlemmerstraat", "Amsterdam", "1013 EV", "NL", "+31 20 555 0"),
        ("Camden Street Lower", "Dublin", "D02 XE80", "IE", "+353 1 555 0"),
        ("Via Torino", "Milano", "20123", "IT", "+39 02 555 0"),
        ("Calle de Fuencarral", "Madrid", "28004", "ES", "+34 91 555 0"),
        ("Rue du Marché aux Herbes", "Bruxelles", "1000", "BE", "+32 2 555 0"),
    ];

    public static ImmutableArray<DemoCustomer> All { get; } = [.. Enumerable.Range(0, 400).Select(Create)];

    private static DemoCustomer Create(int number)
    {
        var first = FirstNames[number % FirstNames.Length];
        var last = LastNames[((number / FirstNames.Length) + number) % LastNames.Length];
        var place = Places[number % Places.Length];
        var house = ((number * 7) % 97) + 1;
        var line1 = place.Country is "GB" or "IE" ? $"{house} {place.Street}" : $"{place.Street} {house}";
        var mailbox = $"{first}.{last}".ToLowerInvariant().Replace("'", "", StringComparison.Ordinal).Replace(' ', '-').Replace('í', 'i');
        return new DemoCustomer(
            string.Create(CultureInfo.InvariantCulture, $"demo-{number + 1:D4}"),
            $"{mailbox}{number + 1}@example.com",
            string.Create(CultureInfo.InvariantCulture, $"{place.Phone}{number % 1000:D3}"),
            new Address($"{first} {last}", line1, null, place.City, place.PostalCode, place.Country));
    }
}