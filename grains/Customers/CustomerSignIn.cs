using System.Security.Cryptography;
using System.Text;

namespace OrderGrid.Customers;

/// <summary>
/// The sign-in rules, pure: who gets a code, and whether a code signs in. A code goes only to the email on file (or, for a
/// customer id nobody uses yet, to the email given, which the first successful sign-in then stores); it is single-use,
/// short-lived, survives a few wrong guesses, and is kept as a salted hash compared in constant time.
/// </summary>
public static class CustomerSignIn
{
    public const int CodeDigits = 8;

    private static readonly TimeSpan RateWindow = TimeSpan.FromHours(1);

    /// <summary>The state with a new code recorded, and the code to send; the same state and null when none may be sent.</summary>
    public static (CustomerState State, string? Code) Request(CustomerState state, string customerId, string email, DateTimeOffset now, SignInOptions options)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);
        var sentLately = state.CodesSent.Where(at => at > now - RateWindow).ToArray();
        var recipient = state.Email is { } stored
            ? (SameEmail(stored, email) ? stored : null)
            : (state.IsUnused && !GuestCustomers.IsGuest(customerId) ? email.Trim() : null);
        if (recipient is null || sentLately.Length >= options.CodesPerHour)
        {
            return (state, null);
        }

        var code = RandomNumberGenerator.GetInt32(0, (int)Math.Pow(10, CodeDigits)).ToString($"D{CodeDigits}", System.Globalization.CultureInfo.InvariantCulture);
        var salt = RandomNumberGenerator.GetBytes(16);
        var pending = new SignInCode(salt, Hash(salt, code), recipient, now + options.CodeLifetime, 0);
        return (state with { SignInCode = pending, CodesSent = [.. sentLately, now] }, code);
    }

    /// <summary>
    /// Whether <paramref name="code"/> signs the customer in now, and the state after: a right code is used up (and stores
    /// the email of a new customer), a wrong one counts against the code, an expired or exhausted one is dropped.
    /// </summary>
    public static (CustomerState State, bool SignedIn) Verify(CustomerState state, string code, DateTimeOffset now, SignInOptions options)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);
        if (state.SignInCode is not { } pending)
        {
            return (state, false);
        }

        if (now >= pending.ExpiresAt || pending.Attempts >= options.AttemptsPerCode)
        {
            return (state with { SignInCode = null }, false);
        }

        var right = CryptographicOperations.FixedTimeEquals(Hash(pending.Salt, code.Trim()), pending.Hash);

        // The email the code went to must still be the customer's (staff may have changed it, or taken the id, meanwhile).
        var stillTheirs = state.Email is { } stored ? SameEmail(stored, pending.Email) : state.IsUnused;
        if (right && stillTheirs)
        {
            return (state with { SignInCode = null, Email = state.Email ?? pending.Email }, true);
        }

        var attempts = pending.Attempts + 1;
        return (state with { SignInCode = attempts >= options.AttemptsPerCode || !stillTheirs ? null : pending with { Attempts = attempts } }, false);
    }

    public static bool SameEmail(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static byte[] Hash(byte[] salt, string code) => SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(code)]);
}