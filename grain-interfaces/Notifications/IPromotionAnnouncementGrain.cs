using OrderGrid.Planning;

namespace OrderGrid.Notifications;

/// <summary>
/// Tells the customers of a promotion's segment of it, once (key: the promotion id): each customer the serving model
/// puts in the segment who left an email (or a phone, with SMS set up) gets one notification in the outbox
/// <c>promotion:{id}</c>, with ids <c>promotion:{id}:{customer}:{channel}</c>.
/// </summary>
public interface IPromotionAnnouncementGrain : IGrainWithStringKey
{
    /// <summary>The outbox key of a promotion's notifications.</summary>
    static string OutboxOf(string promotionId) => $"promotion:{promotionId}";

    /// <summary>Notes the promotion durably and answers; the customers are told in batches after. A repeat changes nothing.</summary>
    Task Announce(Promotion promotion);
}