using System.Globalization;

namespace OrderGrid.Notifications;

/// <summary>The email that carries a sign-in code: the code, how long it works, and what to do when it was not asked for.</summary>
public static class SignInCodeTemplate
{
    public const string Kind = "customer.sign-in-code";

    public static RenderedMessage Render(string code, TimeSpan lifetime)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        var minutes = ((int)Math.Ceiling(lifetime.TotalMinutes)).ToString(CultureInfo.InvariantCulture);
        const string Subject = "Your OrderGrid sign-in code";
        var text = $"Your sign-in code is {code}.\n\nIt works once, for {minutes} minutes. "
            + "If you did not ask to sign in, ignore this email: nobody can sign in without the code.\n";
        var html = $"<p>Your sign-in code is <strong>{code}</strong>.</p><p>It works once, for {minutes} minutes. "
            + "If you did not ask to sign in, ignore this email: nobody can sign in without the code.</p>";
        return new RenderedMessage(Subject, text, html, $"OrderGrid sign-in code {code} (valid {minutes} min).");
    }
}