using OrderGrid.Customers;

namespace OrderGrid.Tests.Domain;

[Trait(Lane.Name, Lane.Fast)]
public sealed class CustomerSignInTests
{
    private static readonly DateTimeOffset T0 = new(2030, 1, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly SignInOptions Options = new();
    private static readonly CustomerState Alice = new() { Email = "alice@example.com", OrderIds = ["OG-AAAA-AAAA"] };

    [Fact]
    public void A_code_goes_only_to_the_email_on_file_whatever_its_case()
    {
        var (_, toOwn) = CustomerSignIn.Request(Alice, "alice", " ALICE@example.com ", T0, Options);
        var (unchanged, toOther) = CustomerSignIn.Request(Alice, "alice", "mallory@example.com", T0, Options);

        Assert.Matches("^[0-9]{8}$", toOwn);
        Assert.Null(toOther);
        Assert.Same(Alice, unchanged);
    }

    [Fact]
    public void An_unused_id_may_register_an_email_but_a_used_one_without_email_and_a_guest_id_may_not()
    {
        var phoneOnly = new CustomerState { Phone = "+44 20 7946 0000", OrderIds = ["OG-AAAA-AAAA"] };

        Assert.NotNull(CustomerSignIn.Request(new CustomerState(), "newcomer", "new@example.com", T0, Options).Code);
        Assert.Null(CustomerSignIn.Request(phoneOnly, "bob", "mallory@example.com", T0, Options).Code);
        Assert.Null(CustomerSignIn.Request(new CustomerState(), "guest-OG-AAAA-AAAA", "mallory@example.com", T0, Options).Code);
    }

    [Fact]
    public void The_right_code_signs_in_once_and_a_newcomer_keeps_the_email_it_proved()
    {
        var (sent, code) = CustomerSignIn.Request(new CustomerState(), "newcomer", "new@example.com", T0, Options);

        var (signedIn, ok) = CustomerSignIn.Verify(sent, code!, T0.AddMinutes(9), Options);
        var (_, again) = CustomerSignIn.Verify(signedIn, code!, T0.AddMinutes(9), Options);

        Assert.True(ok);
        Assert.False(again);
        Assert.Equal("new@example.com", signedIn.Email);
        Assert.Null(signedIn.SignInCode);
    }

    [Fact]
    public void A_code_expires_and_dies_after_its_wrong_guesses()
    {
        var (sent, code) = CustomerSignIn.Request(Alice, "alice", "alice@example.com", T0, Options);
        var wrong = code == "00000000" ? "11111111" : "00000000";

        Assert.False(CustomerSignIn.Verify(sent, code!, T0 + Options.CodeLifetime, Options).SignedIn);
        var state = sent;
        for (var i = 0; i < Options.AttemptsPerCode; i++)
        {
            (state, _) = CustomerSignIn.Verify(state, wrong, T0, Options);
        }

        Assert.Null(state.SignInCode);
        Assert.False(CustomerSignIn.Verify(state, code!, T0, Options).SignedIn);
    }

    [Fact]
    public void A_code_sent_to_an_email_no_longer_on_file_does_not_sign_in()
    {
        var (sent, code) = CustomerSignIn.Request(new CustomerState(), "newcomer", "new@example.com", T0, Options);
        var takenMeanwhile = sent with { Email = "staff-entered@example.com" };

        Assert.False(CustomerSignIn.Verify(takenMeanwhile, code!, T0, Options).SignedIn);
    }

    [Fact]
    public void At_most_so_many_codes_go_out_in_an_hour()
    {
        var state = Alice;
        var sent = 0;
        for (var i = 0; i < Options.CodesPerHour + 3; i++)
        {
            (state, var code) = CustomerSignIn.Request(state, "alice", "alice@example.com", T0.AddMinutes(i), Options);
            sent += code is null ? 0 : 1;
        }

        Assert.Equal(Options.CodesPerHour, sent);
        Assert.NotNull(CustomerSignIn.Request(state, "alice", "alice@example.com", T0.AddMinutes(61), Options).Code);
    }
}