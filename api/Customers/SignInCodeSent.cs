namespace OrderGrid.Api.Customers;

/// <summary>The same answer whether or not a code went out, so that nobody learns an id's email this way.</summary>
public sealed record SignInCodeSent(string Detail);