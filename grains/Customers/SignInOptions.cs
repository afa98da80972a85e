using System.ComponentModel.DataAnnotations;

namespace OrderGrid.Customers;

/// <summary>Passwordless sign-in by a code sent to the customer's email: section <c>OrderGrid:SignIn</c>.</summary>
public sealed class SignInOptions
{
    public const string Section = "OrderGrid:SignIn";

    /// <summary>How long a code works after it was sent.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Wrong guesses a code survives; then it is void and a new one must be asked for.</summary>
    [Range(1, 10)]
    public int AttemptsPerCode { get; set; } = 5;

    /// <summary>Codes one customer may be sent per hour (each request beyond is silently dropped).</summary>
    [Range(1, 20)]
    public int CodesPerHour { get; set; } = 5;

    /// <summary>Development only (refused elsewhere): also write each code to the log, for a machine without an email server.</summary>
    public bool LogCodes { get; set; }
}