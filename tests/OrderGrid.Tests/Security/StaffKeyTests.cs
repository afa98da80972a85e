using System.Net;

using OrderGrid.Api.Auth;
using OrderGrid.Silo.Commands;

namespace OrderGrid.Tests.Security;

[Trait(Lane.Name, Lane.Integration)]
[Collection(SecurityHost.Name)]
public sealed class StaffKeyTests(SecurityApp app)
{
    [Fact]
    public async Task A_key_configured_only_by_its_hash_signs_in_with_its_role()
    {
        using var admin = app.WithKey(SecurityApp.HashedAdminKey);

        using var response = await admin.GetAsync(new Uri("/api/rules/access", UriKind.Relative));

        Assert.True((bool?)(await Json.Ok(response))["canEdit"]);
    }

    [Theory]
    [InlineData(OrderGridApp.OpsKey, HttpStatusCode.OK)]
    [InlineData(SecurityApp.HashedAdminKey, HttpStatusCode.OK)]
    [InlineData("hashed-admin-key-0000000002", HttpStatusCode.Unauthorized)]
    [InlineData("demo-ops-key-0000000002", HttpStatusCode.Unauthorized)]
    [InlineData("demo-ops-key-00000000010", HttpStatusCode.Unauthorized)]
    [InlineData("e9b1f08bd4b03c3cfa4e6bd1c1d2c40ed4c5f45d0a48a0c08a5f95f4fba5a4d1", HttpStatusCode.Unauthorized)]
    public async Task Only_the_exact_key_is_accepted(string key, HttpStatusCode expected)
    {
        using var client = app.WithKey(key);

        using var response = await client.GetAsync(new Uri("/api/wall", UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task The_hash_of_a_configured_key_is_not_itself_a_key()
    {
        using var client = app.WithKey(StaffKeyring.HashOf(SecurityApp.HashedAdminKey));

        using var response = await client.GetAsync(new Uri("/api/wall", UriKind.Relative));

        await Json.Problem(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public void Hash_key_prints_the_setting_the_silo_accepts()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = HashKeyCommand.Run([SecurityApp.HashedAdminKey], output, error);

        Assert.Equal(0, exit);
        Assert.Equal(StaffKeyring.HashOf(SecurityApp.HashedAdminKey), output.ToString().Trim());
        Assert.Matches("^[0-9a-f]{64}$", output.ToString().Trim());
    }

    [Theory]
    [InlineData]
    [InlineData("short")]
    [InlineData("has a space in it 0000")]
    public void Hash_key_refuses_what_is_not_a_usable_key(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(2, HashKeyCommand.Run(args, output, error));
        Assert.Empty(output.ToString());
    }

    [Fact]
    public void The_command_line_knows_hash_key()
    {
        var command = SiloCommand.Parse(["hash-key", SecurityApp.HashedAdminKey]);

        Assert.Null(command.Error);
        Assert.Equal(SiloCommand.HashKey, command.Verb);
        Assert.Equal([SecurityApp.HashedAdminKey], command.VerbArgs);
    }
}