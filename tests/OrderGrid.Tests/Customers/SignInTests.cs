using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

using OrderGrid.Tests.Notifications;

namespace OrderGrid.Tests.Customers;

/// <summary>Passwordless sign-in over HTTP, the code going out through the notification outbox to a recording sender.</summary>
[Trait(Lane.Name, Lane.Integration)]
[Collection(NotificationHosts.Name)]
public sealed partial class SignInTests(OutboxApp app)
{
    [Fact]
    public async Task A_customer_signs_in_with_the_code_mailed_to_the_email_on_file_and_the_code_works_once()
    {
        var alice = OrderGridApp.Unique("alice");
        var email = $"{alice}@example.com";
        await Contacts(alice, email);

        using var asked = await app.Customer.PostAsJsonAsync("/api/customers/sign-in", new { customerId = alice, email = email.ToUpperInvariant() });
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var code = await CodeMailedTo(email);

        using var signedIn = await app.Customer.PostAsJsonAsync("/api/customers/sign-in/token", new { customerId = alice, code });
        using var again = await app.Customer.PostAsJsonAsync("/api/customers/sign-in/token", new { customerId = alice, code });

        var session = await Json.Ok(signedIn);
        Assert.Equal(alice, Json.Text(session["customerId"]));
        Assert.StartsWith("ogc1.", Json.Text(session["token"]), StringComparison.Ordinal);
        using var client = Client(Json.Text(session["token"]));
        using var own = await client.GetAsync(new Uri($"/api/customers/{alice}", UriKind.Relative));
        Assert.Equal(email, Json.Text((await Json.Ok(own))["email"]));
        Assert.Equal("customer.sign-in-failed", Json.Text((await Json.Problem(again, HttpStatusCode.Unauthorized))["code"]));
    }

    [Fact]
    public async Task Asking_with_another_email_answers_the_same_and_mails_nothing()
    {
        var alice = OrderGridApp.Unique("alice");
        var email = $"{alice}@example.com";
        var mallory = $"{OrderGridApp.Unique("mallory")}@example.com";
        await Contacts(alice, email);

        using var wrong = await app.Customer.PostAsJsonAsync("/api/customers/sign-in", new { customerId = alice, email = mallory });
        using var right = await app.Customer.PostAsJsonAsync("/api/customers/sign-in", new { customerId = alice, email });

        // One customer's requests are handled in order: once the right one's code is out, the wrong one is done with.
        await CodeMailedTo(email);
        Assert.Equal(HttpStatusCode.Accepted, wrong.StatusCode);
        Assert.Equal(await right.Content.ReadAsStringAsync(), await wrong.Content.ReadAsStringAsync());
        Assert.Empty(app.Sender.To(mallory));
    }

    [Fact]
    public async Task A_code_survives_a_few_wrong_guesses_and_then_is_void()
    {
        var alice = OrderGridApp.Unique("alice");
        var email = $"{alice}@example.com";
        await Contacts(alice, email);
        (await app.Customer.PostAsJsonAsync("/api/customers/sign-in", new { customerId = alice, email })).Dispose();
        var code = await CodeMailedTo(email);
        var wrong = code == "00000000" ? "11111111" : "00000000";

        for (var i = 0; i < 5; i++)
        {
            using var guess = await app.Customer.PostAsJsonAsync("/api/customers/sign-in/token", new { customerId = alice, code = wrong });
            await Json.Problem(guess, HttpStatusCode.Unauthorized);
        }

        using var late = await app.Customer.PostAsJsonAsync("/api/customers/sign-in/token", new { customerId = alice, code });

        await Json.Problem(late, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_new_customer_id_is_registered_with_the_email_its_first_code_proves()
    {
        var newcomer = OrderGridApp.Unique("newcomer");
        var email = $"{newcomer}@example.com";

        (await app.Customer.PostAsJsonAsync("/api/customers/sign-in", new { customerId = newcomer, email })).Dispose();
        var code = await CodeMailedTo(email);
        using var signedIn = await app.Customer.PostAsJsonAsync("/api/customers/sign-in/token", new { customerId = newcomer, code });
        using var asGuest = await app.Customer.PostAsJsonAsync("/api/customers/sign-in", new { customerId = "guest-OG-0000-0000", email });

        using var client = Client(Json.Text((await Json.Ok(signedIn))["token"]));
        using var own = await client.GetAsync(new Uri($"/api/customers/{newcomer}", UriKind.Relative));
        Assert.Equal(email, Json.Text((await Json.Ok(own))["email"]));
        Assert.Equal(HttpStatusCode.Accepted, asGuest.StatusCode);
    }

    [Fact]
    public async Task Bad_sign_in_requests_are_refused_naming_the_field()
    {
        using var noEmail = await app.Customer.PostAsJsonAsync("/api/customers/sign-in", new { customerId = "alice" });
        using var badId = await app.Customer.PostAsJsonAsync("/api/customers/sign-in", new { customerId = "a b", email = "a@example.com" });
        using var noCode = await app.Customer.PostAsJsonAsync("/api/customers/sign-in/token", new { customerId = "alice" });

        await Json.Invalid(noEmail, "email");
        await Json.Invalid(badId, "customerId");
        await Json.Invalid(noCode, "code");
    }

    private async Task Contacts(string customerId, string email)
    {
        using var response = await app.Ops.PutAsJsonAsync($"/api/customers/{customerId}/contacts", new { email });
        await Json.Ok(response);
    }

    private async Task<string> CodeMailedTo(string email)
    {
        var mail = await OrderGridApp.Eventually(() => Task.FromResult(app.Sender.To(email)), sent => sent.Count > 0, $"a sign-in code to {email}");
        var (message, _, _) = Assert.Single(mail);
        Assert.Equal("customer.sign-in-code", message.Kind);
        return Code().Match(message.Text).Groups[1].Value;
    }

    private HttpClient Client(string token)
    {
        var client = app.Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [GeneratedRegex("code is ([0-9]{8})")]
    private static partial Regex Code();
}