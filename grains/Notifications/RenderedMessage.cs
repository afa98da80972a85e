namespace OrderGrid.Notifications;

/// <summary>A template filled in: the email's subject and bodies, and the text message.</summary>
public sealed record RenderedMessage(string Subject, string Text, string Html, string Sms);