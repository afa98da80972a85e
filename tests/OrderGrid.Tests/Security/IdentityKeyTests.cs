using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

using OrderGrid.Api.Carts;
using OrderGrid.Api.Identity;

namespace OrderGrid.Tests.Security;

/// <summary>The identity secret, the customer tokens and the cart ids it signs.</summary>
[Trait(Lane.Name, Lane.Fast)]
public sealed class IdentityKeyTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"ordergrid-keys-{Guid.NewGuid():N}");

    [Fact]
    public void A_token_names_its_customer_until_it_expires_and_nothing_else_passes()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var tokens = new CustomerTokens(Keys(), clock);
        var others = new CustomerTokens(Keys(), clock);
        var (token, expiresAt) = tokens.Issue("alice", TimeSpan.FromHours(1));

        Assert.Equal("alice", tokens.Read(token));
        Assert.Null(others.Read(token));
        Assert.Null(tokens.Read(token[..^1] + (token[^1] == 'A' ? 'B' : 'A')));
        Assert.Null(tokens.Read(token.Replace("ogc1.", "ogc2.", StringComparison.Ordinal)));
        Assert.Null(tokens.Read("ogc1.." + token.Split('.')[2]));
        Assert.Null(tokens.Read("ogc1.!!!!.@@@@"));
        Assert.Null(tokens.Read("ogc1.x.y.z"));
        Assert.InRange(expiresAt, clock.GetUtcNow().AddMinutes(59), clock.GetUtcNow().AddHours(1));

        clock.Advance(TimeSpan.FromHours(1));
        Assert.Null(tokens.Read(token));
    }

    [Fact]
    public void Cart_ids_are_genuine_only_as_issued_by_this_secret()
    {
        var keys = Keys();
        var ids = new CartIds(keys);
        var id = ids.New();

        Assert.True(ids.IsGenuine(id));
        Assert.False(new CartIds(Keys()).IsGenuine(id));
        Assert.False(ids.IsGenuine(id[..^1] + (id[^1] == 'A' ? 'B' : 'A')));
        Assert.False(ids.IsGenuine(id + "A"));
        Assert.False(ids.IsGenuine("customer-17841"));
        Assert.False(ids.IsGenuine(new string('!', CartIds.Length)));
        Assert.False(ids.IsGenuine("=" + id[1..]));

        // A token's signature key is not the cart ids' one: neither passes for the other.
        var token = new CustomerTokens(keys, TimeProvider.System).Issue("alice", TimeSpan.FromHours(1)).Token;
        Assert.False(ids.IsGenuine(token.Split('.')[2]));
    }

    [Fact]
    public void A_missing_key_file_is_created_for_its_owner_alone_and_read_back_the_same()
    {
        var file = Path.Combine(folder, "nested", "signing.key");

        var created = SigningKeys.ReadOrCreate(file);
        var read = SigningKeys.ReadOrCreate(file);
        var sameSecret = new CartIds(FromFile(file));

        Assert.Equal(SigningKeys.GeneratedKeyBytes, created.Length);
        Assert.Equal(created, read);
        Assert.True(sameSecret.IsGenuine(new CartIds(FromFile(file)).New()));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public void A_key_file_others_may_read_or_a_short_one_stops_the_start()
    {
        Directory.CreateDirectory(folder);
        var open = Path.Combine(folder, "open.key");
        var shortKey = Path.Combine(folder, "short.key");
        File.WriteAllText(open, Convert.ToBase64String(new byte[64]));
        File.WriteAllText(shortKey, Convert.ToBase64String(new byte[8]));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(open, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            File.SetUnixFileMode(shortKey, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            Assert.Contains("chmod 600", Assert.Throws<OptionsValidationException>(() => FromFile(open)).Message, StringComparison.Ordinal);
        }

        Assert.Contains("at least 32 bytes", Assert.Throws<OptionsValidationException>(() => FromFile(shortKey)).Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static SigningKeys Keys() => new(Options.Create(new IdentityOptions()));

    private static SigningKeys FromFile(string file) => new(Options.Create(new IdentityOptions { SigningKeyFile = file }));
}