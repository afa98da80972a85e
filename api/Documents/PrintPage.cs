using System.Globalization;
using System.Net;
using System.Text;

using OrderGrid.Orders;

namespace OrderGrid.Api.Documents;

/// <summary>
/// The frame every printed document shares: a standalone page (no dashboard around it) with an A4 print stylesheet.
/// Everything taken from an order goes through <see cref="Text"/>: names and addresses are typed by customers.
/// </summary>
public static class PrintPage
{
    private const string Stylesheet = """
        @page { size: A4; margin: 15mm; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; padding: 12mm; max-width: 210mm; font: 11pt/1.4 system-ui, sans-serif; color: #000; background: #fff; }
        header { display: flex; justify-content: space-between; align-items: flex-start; gap: 8mm; border-bottom: 2px solid #000; padding-bottom: 4mm; }
        h1 { margin: 0 0 2mm; font-size: 18pt; }
        .code { text-align: center; font: 9pt ui-monospace, monospace; }
        .code svg { display: block; width: 32mm; height: 32mm; }
        .facts { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 6mm; margin: 0; }
        .facts dt { font-weight: 600; }
        .facts dd { margin: 0; }
        address { font-style: normal; margin: 4mm 0; padding: 3mm; border: 1px solid #000; max-width: 90mm; }
        table { width: 100%; border-collapse: collapse; margin-top: 6mm; }
        th, td { padding: 2mm; border-bottom: 1px solid #888; text-align: left; vertical-align: top; }
        th { border-bottom: 2px solid #000; }
        .number { text-align: right; }
        .tick { display: inline-block; width: 5mm; height: 5mm; border: 1.5px solid #000; }
        .hint { color: #555; font-size: 9pt; }
        @media print {
          body { padding: 0; max-width: none; }
          .hint { display: none; }
          tr { break-inside: avoid; }
        }
        """;

    /// <summary>A whole HTML document: <paramref name="body"/> is markup already built with <see cref="Text"/>.</summary>
    public static string Document(string title, string body) =>
        $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>{Text(title)}</title>
        <style>
        {Stylesheet}
        </style>
        </head>
        <body>
        <p class="hint">Print this page (Ctrl+P) on A4.</p>
        {body}
        </body>
        </html>
        """;

    /// <summary>Text made safe to place between tags or inside a quoted attribute.</summary>
    public static string Text(string? value) => WebUtility.HtmlEncode(value ?? string.Empty);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The ship-to block: name and address lines, each encoded; a pickup without an address says so.</summary>
    public static string ShipTo(Address? address)
    {
        if (address is null)
        {
            return """<address data-part="ship-to">Collected in store</address>""";
        }

        var lines = new[] { address.Name, address.Line1, address.Line2, $"{address.PostalCode} {address.City}", address.Country }
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(Text);
        return $"""<address data-part="ship-to">{string.Join("<br>", lines)}</address>""";
    }

    /// <summary>The document's heading with its facts on the left and the order id's QR code on the right.</summary>
    public static string Header(string title, string orderId, IEnumerable<(string Term, string Value)> facts)
    {
        var list = new StringBuilder();
        foreach (var (term, value) in facts)
        {
            list.Append(CultureInfo.InvariantCulture, $"<dt>{Text(term)}</dt><dd>{Text(value)}</dd>");
        }

        return $"""
            <header>
            <div>
            <h1>{Text(title)}</h1>
            <dl class="facts">{list}</dl>
            </div>
            <div class="code" data-part="order-code">{OrderIdCode.Svg(orderId)}<span>{Text(orderId)}</span></div>
            </header>
            """;
    }
}