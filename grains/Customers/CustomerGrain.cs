using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using OrderGrid.Common;
using OrderGrid.Notifications;

namespace OrderGrid.Customers;

/// <summary>
/// One customer: latest contact details, their first order, and the sign-in code sent last (rules in
/// <see cref="CustomerSignIn"/>). It writes when something about the customer changes, not for every order: their
/// orders are listed by the read model.
/// </summary>
[GrainType("customer")]
public sealed partial class CustomerGrain(
    [PersistentState(GrainStateNames.Customer, "customers")] IPersistentState<CustomerState> state,
    IOptions<SignInOptions> signIn,
    TimeProvider clock,
    ILogger<CustomerGrain> logger) : Grain, ICustomerGrain
{
    private string CustomerId => this.GetPrimaryKeyString();

    public Task<CustomerDetails> Get() =>
        Task.FromResult(new CustomerDetails(CustomerId, state.State.Email, state.State.Phone, state.State.FirstOrder));

    public async Task RecordOrder(string orderId, DateTimeOffset placedAt, string? email, string? phone)
    {
        var next = state.State.WithOrder(orderId, placedAt, email, phone);
        if (next != state.State)
        {
            state.State = next;
            await state.WriteStateAsync();
        }
    }

    public async Task<CustomerDetails> ChangeContacts(string? email, string? phone)
    {
        var current = state.State;
        var next = current with
        {
            Email = email ?? current.Email,
            Phone = phone ?? current.Phone,
            SignInCode = email is null ? current.SignInCode : null,
        };
        if (next != current)
        {
            state.State = next with { ContactsAt = clock.GetUtcNow() };
            await state.WriteStateAsync();
        }

        return await Get();
    }

    public async Task RequestSignInCode(string email)
    {
        var options = signIn.Value;
        var (next, code) = CustomerSignIn.Request(state.State, CustomerId, email, clock.GetUtcNow(), options);
        if (code is null)
        {
            return;
        }

        state.State = next;
        await state.WriteStateAsync();
        var message = SignInCodeTemplate.Render(code, options.CodeLifetime);
        var sent = next.CodesSent.Length;
        var outbox = GrainFactory.GetGrain<INotificationOutboxGrain>($"sign-in:{CustomerId}:{clock.GetUtcNow():yyyy-MM-dd}");
        await outbox.Enqueue([new Notification(
            $"sign-in:{CustomerId}:{clock.GetUtcNow():yyyyMMddHHmmssfff}:{sent}", SignInCodeTemplate.Kind, NotificationChannel.Email,
            next.SignInCode!.Email, message.Subject, message.Text, message.Html)]);
        if (options.LogCodes)
        {
            LogCode(logger, CustomerId, code);
        }
    }

    public async Task<bool> SignIn(string code)
    {
        var (next, signedIn) = CustomerSignIn.Verify(state.State, code, clock.GetUtcNow(), signIn.Value);
        if (!ReferenceEquals(next, state.State))
        {
            state.State = next;
            await state.WriteStateAsync();
        }

        return signedIn;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development: the sign-in code of customer {CustomerId} is {Code} (OrderGrid:SignIn:LogCodes)")]
    private static partial void LogCode(ILogger logger, string customerId, string code);
}