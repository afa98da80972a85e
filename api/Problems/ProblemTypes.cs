namespace OrderGrid.Api.Problems;

/// <summary>The stable <c>type</c> URI of every problem the API answers with: one per error code.</summary>
public static class ProblemTypes
{
    public const string BaseUri = "https://ordergrid.dev/problems/";

    public static string For(string code) => BaseUri + code;
}