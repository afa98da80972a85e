using OrderGrid.Common;
using OrderGrid.Customers;
using OrderGrid.Notifications;
using OrderGrid.Planning;

namespace OrderGrid.Tests.Notifications;

[Trait(Lane.Name, Lane.Integration)]
[Collection(NotifyingCluster.Name)]
public sealed class PromotionAnnouncementTests(NotifyingCluster cluster)
{
    [Fact]
    public async Task A_promotion_reaches_exactly_its_segments_customers_with_an_email_once_even_when_announced_again()
    {
        // The largest segment spans several batches.
        var segment = cluster.Segments.Overview.MaxBy(s => s.Customers)!.Name;
        var members = cluster.Segments.MembersOf(segment, null, int.MaxValue);
        Assert.True(members.Count > PromotionAnnouncementGrain.BatchSize, $"{segment} has {members.Count} customers.");
        var expected = await GiveContacts();
        var told = members.Where(expected.ContainsKey).ToList();

        var promotion = await Create(segment, "Spring sale");
        await cluster.Grains.GetGrain<IPromotionAnnouncementGrain>(promotion.Id).Announce(promotion);
        var outbox = IPromotionAnnouncementGrain.OutboxOf(promotion.Id);
        var records = await cluster.Eventually(outbox, r => r.Count >= told.Count && r.All(n => n.Status == NotificationStatus.Sent));
        var addresses = told.Select(c => expected[c]).ToList();
        await cluster.Grains.GetGrain<IPromotionAnnouncementGrain>(promotion.Id).Announce(promotion);

        Assert.Equal(told.Select(c => $"promotion:{promotion.Id}:{c}:email").Order(StringComparer.Ordinal), records.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.All(records, r => Assert.Equal(PromotionTemplate.Kind, r.Kind));
        Assert.Equal(addresses.Order(StringComparer.Ordinal), records.Select(r => r.To).Order(StringComparer.Ordinal));
        Assert.All(addresses.Take(20), address => Assert.Single(NotifyingCluster.Email.To(address), a => a.Email.Id.StartsWith(outbox, StringComparison.Ordinal)));
        Assert.Equal(records.Count, (await cluster.Outbox(outbox).List()).Count);
    }

    [Fact]
    public async Task Customers_of_other_segments_and_customers_without_contact_are_not_told()
    {
        var segment = cluster.Segments.Overview.Where(s => s.Customers > 0).MinBy(s => s.Customers)!.Name;
        var contacts = await GiveContacts();

        var promotion = await Create(segment, "Welcome back");
        var records = await cluster.Eventually(IPromotionAnnouncementGrain.OutboxOf(promotion.Id), r => r.Count > 0);

        var customers = records.Select(r => r.Id.Split(':')[2]).ToList();
        Assert.All(customers, c => Assert.Equal(segment, cluster.Segments.SegmentOf(c)));
        Assert.All(customers, c => Assert.True(contacts.ContainsKey(c), $"{c} has no email."));
    }

    /// <summary>Every third customer left no email; answers each customer's email. Recording again changes nothing.</summary>
    private async Task<Dictionary<string, string>> GiveContacts()
    {
        var customers = Enumerable.Range(0, NotifyingCluster.CustomerCount).Select(c => (Id: $"promo-c{c:D4}", Email: c % 3 == 0 ? null : $"promo-c{c:D4}@example.com")).ToList();
        await Task.WhenAll(customers.Select(c => cluster.Grains.GetGrain<ICustomerGrain>(c.Id).RecordOrder($"OG-{c.Id}", DateTimeOffset.UtcNow, c.Email, null)));
        return customers.Where(c => c.Email is not null).ToDictionary(c => c.Id, c => c.Email!, StringComparer.Ordinal);
    }

    private async Task<Promotion> Create(string segment, string name)
    {
        var created = await cluster.Grains.GetGrain<IPromotionsGrain>("default")
            .Create(new NewPromotion(name, segment, 15m, null, NotifyingCluster.Clock.GetUtcNow().AddDays(14), Actor.Staff("planner-test")));
        Assert.True(created.Succeeded, created.Refusal?.Message);
        return created.Value!;
    }
}