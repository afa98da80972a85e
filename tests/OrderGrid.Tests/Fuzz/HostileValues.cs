namespace OrderGrid.Tests.Fuzz;

/// <summary>The raw material of hostile requests.</summary>
public static class HostileValues
{
    public const string SqlInjection = "'; DROP TABLE orders;--";

    /// <summary>
    /// Route values that name nothing and can name nothing: each holds a character no id, SKU or name in a path
    /// accepts (quote, space, slash, control or non-ASCII), so a request carrying one in every route value is refused.
    /// NUL is not among them: the test server refuses to send it in a path (Kestrel answers 400).
    /// </summary>
    public static readonly string[] MalformedIds =
    [
        SqlInjection,
        "1 OR 1=1",
        "../../etc/passwd",
        "..\\..\\windows\\win.ini",
        "<script>alert(1)</script>",
        "\u202Egnp.exe",
        "a\u200Bb",
        "\uFEFFbom",
        "tab\tand\nnewline",
        "\uD800",
        "\uDC00x",
        "🛒🛒🛒",
        "مرحبا",
        " ",
        "%",
        "{id}",
        new string('A', 5_000) + "'",
        "x\"y",
        "$(rm -rf /)",
    ];

    /// <summary>Route values that look like ids but name nothing here (only sent with a body that cannot be read, or to reads).</summary>
    public static readonly string[] OddIds = ["0", "-1", "-0", "1e308", "NaN", "9223372036854775807", "null", "undefined", "true", "OG-0000000000", "CON"];

    public static readonly string[] Strings =
    [
        SqlInjection,
        "\" OR \"\"=\"",
        "../../etc/passwd",
        "\u202Eevil",
        "zero\u200Bwidth",
        "\uD800",
        "\uDFFF",
        "nul\0",
        "",
        " ",
        "🛒",
        "<img src=x onerror=alert(1)>",
        "{{7*7}}",
        "%s%s%s%n",
        "NaN",
        "-0",
        "1e308",
    ];

    /// <summary>Numbers as JSON text: out of range, negative, zero, fractional where whole numbers are expected.</summary>
    public static readonly string[] Numbers =
    [
        "0", "-1", "-0", "1e308", "-1e308", "9223372036854775807", "-9223372036854775808", "2147483648", "-2147483649",
        "0.5", "1e-308", "79228162514264337593543950336", "\"NaN\"", "\"Infinity\"", "\"-0\"", "\"1e9\"", "123456789012345678901234567890",
    ];

    /// <summary>Query strings that break paging, dates, sorting and filters.</summary>
    public static readonly string[] Queries =
    [
        "page=-1", "page=0", "page=1e9", "pageSize=1000000000", "pageSize=1e9", "pageSize=-5", "from=garbage", "to=2024-13-45T99:99:99Z",
        "from=9999-12-31&to=0001-01-01", "status=Nope", "status=%00", "channel=%27%3B%20DROP", "sort=%3BDROP", "q=%27%3B%20DROP%20TABLE%20orders%3B--",
        "q=a", "token=%00", "token=" + new string('t', 3_000), "customerId=%E2%80%AE", "warehouseId=..%2F..", "days=NaN", "horizon=-1",
        "limit=99999999999", "date=not-a-date", "id=%ED%A0%80", "page", "=&&=", "pageSize=%20", "take=1e308", "sku=" + new string('s', 2_000),
    ];

    public static readonly string[] ContentTypes =
    [
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=zzz",
        "application/octet-stream", "image/png", "application/json;;", "application/json; =", "*/*", "application/json, text/plain",
    ];

    /// <summary>
    /// Charset parameters, spelled as a client might: ones the runtime refuses outright (UTF-7 throws NotSupportedException,
    /// unknown names ArgumentException), real ones that are not UTF-8, empty, quoted, and UTF-8 itself in several spellings.
    /// </summary>
    public static readonly string[] Charsets =
    [
        "utf-7", "UTF-7", "\"utf-7\"", "utf-32", "utf-32BE", "utf-32le", "utf-16", "utf-16BE", "unicode", "ucs-2", "iso-8859-1", "latin1",
        "windows-1252", "us-ascii", "ibm037", "shift_jis", "gb18030", "x-nonsense", "", "\"\"", "'utf-8'", "utf-8", "UTF-8", "\"utf-8\"", "utf8",
        "utf-8; charset=utf-7", "utf-7; charset=utf-8", "utf-8; charset=utf-8", "utf-8, text/plain; charset=utf-7",
    ];

    /// <summary>Bodies no JSON reader accepts as an object or a list.</summary>
    public static readonly string[] UnreadableBodies =
    [
        "{", "{\"a\":", "{'a':1}", "{\"a\":1,}", "{\"a\":NaN}", "[1,2", "\"unterminated", "{\"a\":01}", "{\"a\" 1}", "nul", "{\"a\":1}}",
        "\u0000", "\uFEFF\uFEFF{}", "<xml/>", "a=1&b=2", "{\"a\":\"\\uD800\"", "123", "\"text\"", "true", "1e308", "[[1,2,3]",
    ];
}