using OrderGrid.Api.Auth;

namespace OrderGrid.Tests.Security;

[Trait(Lane.Name, Lane.Fast)]
public sealed class StaffKeySettingsTests
{
    private const string Plain = "a-long-enough-key-0000001";

    [Fact]
    public void A_plaintext_key_or_a_hash_alone_is_accepted()
    {
        var result = Validate(false, Entry("plain", key: Plain), Entry("hashed", hash: StaffKeyring.HashOf("another-long-key-000001").ToUpperInvariant()));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("", "", "exactly one of Key")]
    [InlineData(Plain, "ab", "exactly one of Key")]
    [InlineData("", "not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-hex", "64 hex digits")]
    [InlineData("", "abcd", "64 hex digits")]
    [InlineData("short", "", "at least 16")]
    public void An_entry_without_exactly_one_usable_key_is_refused(string key, string hash, string reason)
    {
        var result = Validate(false, Entry("one", key: key, hash: hash));

        Assert.True(result.Failed);
        Assert.Contains(reason, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_key_given_once_in_plaintext_and_once_hashed_is_refused()
    {
        var result = Validate(false, Entry("plain", key: Plain), Entry("hashed", hash: StaffKeyring.HashOf(Plain)));

        Assert.Contains("keys must be unique", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_keys_are_refused_outside_development_only()
    {
        var demo = Entry("demo", key: "demo-ops-key-0000000001");

        Assert.True(Validate(true, demo).Succeeded);
        Assert.Contains("demo key", Validate(false, demo).FailureMessage, StringComparison.Ordinal);
    }

    private static StaffApiKey Entry(string name, string key = "", string hash = "") =>
        new() { Name = name, Role = StaffRoles.Ops, Key = key, KeySha256 = hash };

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(bool development, params StaffApiKey[] keys) =>
        new StaffAuthOptionsValidator(development).Validate(null, new StaffAuthOptions { ApiKeys = keys });
}