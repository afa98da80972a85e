using System.Security.Cryptography;

using OrderGrid.Common;
using OrderGrid.Notifications;

namespace OrderGrid.Planning.Promotions;

/// <summary>
/// Every promotion, in one grain: planners create a handful a week, and carts ask for the active ones of a segment,
/// which a read-only call answers from memory. Promotions that ended <see cref="KeptAfterEnd"/> ago are dropped when
/// the next one is created, so the state stays small. Each new promotion is announced to its segment's customers.
/// </summary>
[GrainType("promotions")]
public sealed class PromotionsGrain(
    [PersistentState("promotions", "planning")] IPersistentState<PromotionsState> state,
    TimeProvider clock) : Grain, IPromotionsGrain
{
    public static readonly TimeSpan KeptAfterEnd = TimeSpan.FromDays(90);

    // Crockford's base32 without I, L, O, U: ids read aloud or typed are not misread.
    private const string IdAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public async Task<Outcome<Promotion>> Create(NewPromotion promotion)
    {
        ArgumentNullException.ThrowIfNull(promotion);
        var now = clock.GetUtcNow();
        if (promotion.Problems(now) is { Count: > 0 } problems)
        {
            return Refusal.Invalid("promotion.invalid", "The promotion is not valid; see errors.", problems);
        }

        var created = new Promotion(
            NewId(),
            promotion.Name.Trim(),
            promotion.Segment,
            promotion.DiscountPercent,
            promotion.ValidFrom ?? now,
            promotion.ValidUntil,
            now,
            promotion.By.Name);
        state.State = state.State with { Promotions = [.. Kept(now), created] };
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IPromotionAnnouncementGrain>(created.Id).Announce(created);
        return created;
    }

    public Task<IReadOnlyList<Promotion>> List() =>
        Task.FromResult<IReadOnlyList<Promotion>>([.. Kept(clock.GetUtcNow()).Reverse()]);

    public Task<IReadOnlyList<Promotion>> ActiveFor(string segment, DateTimeOffset at) =>
        Task.FromResult<IReadOnlyList<Promotion>>([.. state.State.Promotions
            .Where(p => string.Equals(p.Segment, segment, StringComparison.Ordinal) && p.IsActiveAt(at))
            .OrderByDescending(p => p.DiscountPercent)
            .ThenBy(p => p.CreatedAt)]);

    private IEnumerable<Promotion> Kept(DateTimeOffset now) => state.State.Promotions.Where(p => p.ValidUntil > now - KeptAfterEnd);

    private string NewId()
    {
        while (true)
        {
            var id = "PR-" + RandomNumberGenerator.GetString(IdAlphabet, 8);
            if (!state.State.Promotions.Any(p => string.Equals(p.Id, id, StringComparison.Ordinal)))
            {
                return id;
            }
        }
    }
}