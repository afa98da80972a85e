namespace OrderGrid.Planning;

/// <summary><c>Usual</c>: anything the customer is likely to buy, their regular items included. <c>Discover</c>: only products they have never bought.</summary>
public enum RecommendationMode
{
    Usual,
    Discover,
}