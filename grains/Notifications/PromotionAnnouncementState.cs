using OrderGrid.Planning;

namespace OrderGrid.Notifications;

[GenerateSerializer, Alias("og.promotion-announcement-state")]
public sealed record PromotionAnnouncementState
{
    /// <summary>Null until announced.</summary>
    [Id(0)] public Promotion? Promotion { get; init; }

    /// <summary>The last customer id whose notifications are in the outbox; the next batch starts after it.</summary>
    [Id(1)] public string? After { get; init; }

    [Id(2)] public bool Done { get; init; }
}