using OrderGrid.Api.Problems;
using OrderGrid.Webhooks;

namespace OrderGrid.Api.Webhooks;

/// <summary>A subscription: the address events are posted to, and the event filters (e.g. <c>order.*</c>, <c>order.shipped</c>, <c>*</c>).</summary>
public sealed record CreateWebhookRequest(string? Url, string[]? Events) : IValidatedRequest
{
    /// <summary>Every field's problem, by the rules of <see cref="NewWebhook"/>.</summary>
    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        if (Url is null)
        {
            errors.Add("url", "Required.");
        }
        else if (NewWebhook.UrlProblem(Url) is { } url)
        {
            errors.Add("url", url);
        }

        if (Events is null)
        {
            errors.Add("events", "Required.");
        }
        else if (NewWebhook.EventsProblem(Events) is { } events)
        {
            errors.Add("events", events);
        }

        return errors;
    }

    /// <summary>Call after <see cref="Validate"/> found nothing.</summary>
    public NewWebhook ToNewWebhook() => new(Url!, [.. Events!]);
}