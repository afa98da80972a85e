namespace OrderGrid.AfterSales;

/// <summary>When customers are asked to rate a delivered order.</summary>
public sealed class FeedbackOptions
{
    public const string Section = "OrderGrid:Feedback";

    /// <summary>How long after delivery the rating form appears.</summary>
    public TimeSpan AskAfter { get; set; } = TimeSpan.FromDays(3);
}