namespace OrderGrid.Customers;

/// <summary>The one sign-in code a customer may use now, kept only as a salted hash.</summary>
/// <param name="Email">Where it was sent: a customer without an email on file gets this one when the code is used.</param>
/// <param name="Attempts">Wrong guesses so far.</param>
[GenerateSerializer, Alias("og.sign-in-code")]
public sealed record SignInCode(
    [property: Id(0)] byte[] Salt,
    [property: Id(1)] byte[] Hash,
    [property: Id(2)] string Email,
    [property: Id(3)] DateTimeOffset ExpiresAt,
    [property: Id(4)] int Attempts);